-- wrk script: every request posts a new review, as one of many signed-in customers, with the session's CSRF token.
-- args: <sessions file> <weighted subjects file> <threads> <offset>. The subjects file lists each slug as many times
-- as its share of the seeded reviews (bench/run writes it), so posts follow the board's skew. Post i is by customer
-- c = i % sessions in round k = i / sessions, at position (c * 7919 + k * L / 8) % L of that list (L its length):
-- consecutive posts go to scattered subjects, each customer posts once per round (rate limits), and a customer whose
-- position lands on a subject they reviewed in an earlier round moves on to the next subject in the list (nobody
-- reviews a subject twice, so every post is a new review).
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  sessions, slugs, block_end = {}, {}, {}
  for line in io.lines(args[1]) do
    local cookie, csrf = line:match("^(.-)\t([^\t]*)")
    table.insert(sessions, { cookie = cookie, csrf = csrf })
  end
  for slug in io.lines(args[2]) do table.insert(slugs, slug) end
  -- block_end[p]: the last position of the run of equal slugs that holds p
  for p = #slugs, 1, -1 do
    block_end[p] = (p < #slugs and slugs[p + 1] == slugs[p]) and block_end[p + 1] or p
  end
  stride = tonumber(args[3])
  offset = tonumber(args[4])
  n = 0
  created, other = 0, 0
end

-- the slug customer c posts to in round k (positions are 0-based)
function subject_of(c, k)
  local used = {}
  local slug
  for round = 0, k do
    local p = (c * 7919 + round * math.floor(#slugs / 8)) % #slugs
    for _ = 1, #slugs do
      if not used[slugs[p + 1]] then break end
      p = block_end[p + 1] % #slugs
    end
    slug = slugs[p + 1]
    used[slug] = true
  end
  return slug
end

function request()
  local i = offset + (id - 1) + n * stride
  n = n + 1
  local c = i % #sessions
  local s = sessions[c + 1]
  local slug = subject_of(c, math.floor(i / #sessions))
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
