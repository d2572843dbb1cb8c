-- wrk script: GET one path as many signed-in people in turn (each request the next session's cookies), so nothing
-- personal can be served from one person's warm state. args: <sessions file> <path> [sessions to use]
function init(args)
  cookies = {}
  local limit = tonumber(args[3] or "1000000")
  for line in io.lines(args[1]) do
    if #cookies >= limit then break end
    table.insert(cookies, line:match("^(.-)\t"))
  end
  path = args[2]
  n = 0
  other = 0
end

function request()
  n = n + 1
  return wrk.format("GET", path, { ["Cookie"] = cookies[(n % #cookies) + 1] })
end

local threads = {}
function setup(thread) table.insert(threads, thread) end
-- anything but 200 (a redirect to sign in, say) is an error here
function response(status, headers, body)
  if status ~= 200 then other = other + 1 end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + t:get("other") end
  io.write(string.format("RESULT %d %.0f %.2f %.2f %.2f %d\n", summary.requests,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, errors + failed))
end
