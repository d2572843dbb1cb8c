-- wrk script: every request posts a new review, as one of many signed-in customers, with the session's CSRF token.
-- args: <sessions file> <subject slugs file> <threads> <offset>. Post i is by session i % sessions, in round
-- k = i / sessions, to subject (i + k) % subjects: consecutive posts go to different subjects, each customer posts once
-- per round (rate limits), and no customer reviews a subject twice (sessions + 1 and the subject count are coprime).
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  sessions, slugs = {}, {}
  for line in io.lines(args[1]) do
    local cookie, csrf = line:match("^(.-)\t(.*)$")
    table.insert(sessions, { cookie = cookie, csrf = csrf })
  end
  for slug in io.lines(args[2]) do table.insert(slugs, slug) end
  stride = tonumber(args[3])
  offset = tonumber(args[4])
  n = 0
  created, other = 0, 0
end

function request()
  local i = offset + (id - 1) + n * stride
  n = n + 1
  local s = sessions[(i % #sessions) + 1]
  local slug = slugs[((i + math.floor(i / #sessions)) % #slugs) + 1]
  local body = "csrf-token=" .. s.csrf .. "&rating=" .. ((i % 5) + 1) .. "&title=Bench+" .. i
      .. "&body=Arrived+on+time+and+works+as+described.+Post+number+" .. i .. "+of+the+benchmark."
  return wrk.format("POST", "/subjects/" .. slug .. "/reviews",
      { ["Cookie"] = s.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status == 303 then created = created + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  local not_created = 0
  for _, t in ipairs(threads) do not_created = not_created + t:get("other") end
  io.write(string.format("RESULT %d %.0f %.2f %.2f %.2f %d\n", summary.requests,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, errors + not_created))
end
