-- wrk script: GET one path as many signed-in people in turn (each request the next session's cookies), so nothing
-- personal can be served from one person's warm state. args: <sessions file> <path> [sessions to use] [pass]
-- With "pass", each thread stops asking once it has had an answer for every session in use and at least a second has
-- gone by (wrk still waits out its -d, which bounds the pass): bench/run's checked pass, so that each measured window
-- starts with every customer's page as their last view left it, however long the steps before it took.
-- Checks every answer: a 200 whose page is a signed-in one (its header links the reader's profile); anything else (a
-- redirect to sign in, a visitor's page) counts as an error. Checking makes wrk copy each body into Lua, which costs
-- the load generator as much as a fifth of the two cores it shares with the app: the measured windows use
-- bench/signed-load.lua (the same requests, unchecked) right after a checked pass (bench/run) or second (bench/profile).
function init(args)
  path = args[2]
  -- each session's request is made once here, as wrk makes the one request of every other row once: formatted on each
  -- call (a 2 KB string built in Lua) by a load generator that shares the two cores with the app, the page measured a
  -- sixth slower (bench/profile signed-in: 38,364 req/s formatted, 44,973 made once, wrk at 74 and 72 % of a core)
  requests = {}
  local limit = tonumber(args[3] or "1000000")
  for line in io.lines(args[1]) do
    if #requests >= limit then break end
    table.insert(requests, wrk.format("GET", path, { ["Cookie"] = line:match("^(.-)\t") }))
  end
  pass = args[4] == "pass"
  started = os.time()
  n = 0
  answered = 0
  other = 0
end

function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end

local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, 'href="/me/profile"', 1, true) then other = other + 1 end
  answered = answered + 1
  -- os.time() counts whole seconds: two of them apart is at least one second gone by
  if pass and answered >= #requests and os.time() - started >= 2 then wrk.thread:stop() end
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
