-- wrk script: every request is a moderator's official reply to a different open queue item (the queue's "reply"
-- action: permission, change, public-log entry, one transaction; 303 when done).
-- args: <moderator sessions file> <items file: id TAB version per line> <threads>
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  sessions, items = {}, {}
  for line in io.lines(args[1]) do
    local cookie, csrf = line:match("^(.-)\t([^\t]*)")
    table.insert(sessions, { cookie = cookie, csrf = csrf })
  end
  for line in io.lines(args[2]) do
    local item, version = line:match("^(%d+)\t(%d+)")
    table.insert(items, { id = item, version = version })
  end
  stride = tonumber(args[3])
  n = 0
  other = 0
end

function request()
  local i = (id - 1) + n * stride
  n = n + 1
  local s = sessions[(i % #sessions) + 1]
  local item = items[(i % #items) + 1]
  local body = "csrf-token=" .. s.csrf .. "&version=" .. item.version
      .. "&body=Thank+you+for+telling+us.+We+have+passed+this+on+to+the+team."
  return wrk.format("POST", "/moderation/items/" .. item.id .. "/reply",
      { ["Cookie"] = s.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status ~= 303 then other = other + 1 end
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
