-- A day of several people using Headway's API at once, for wrk (bench/load/run): about 80% reads and 20% writes,
-- every request for one of the seeded people picked at random, with that person's token.
--
--   reads  (80%): the open actions in Now and This week (what the dashboard shows), the goals, the week's review, a page of Later
--   writes (20%): an action's life: created in Later (a fresh Idempotency-Key) -> moved to This week (If-Match with
--                 the ETag the create answered) -> done with the outcome achieved (If-Match with the move's ETag)
--
-- The writes are planned so that product rules never refuse them: This week holds at most 10 open actions, so each
-- wrk process (one Lua state per wrk thread) keeps at most LOAD_WEEK_BUDGET of a person's actions there at a time, and
-- bench/load/run gives each process its share of 9. A refusal would show as a non-2xx response, which the run counts
-- as an error. wrk's response() does not say which request an answer belongs to; the action answers carry the id,
-- goal (so the person), horizon and status, which is all the plan needs.
--
-- Environment (read in every Lua state: wrk gives script arguments to thread states only, and done() runs in the
-- main one):
--   LOAD_TOKENS       file of "TOKEN GOAL,GOAL,GOAL" lines, one per person (bench/Headway.Bench.Seed users)
--   LOAD_WEEK_BUDGET  actions per person this process may keep in This week at once (default 3)
--   LOAD_TAG          a name for this process, part of every Idempotency-Key (keys must never repeat)
--   LOAD_OUT          where done() writes the latency histogram and the counters, for bench/load/run to merge
--   LOAD_THINK_MS     a connection's mean pause between an answer and its next request (exponentially distributed,
--                     so requests arrive as a person's would); 0 (the default) sends the next one at once, which
--                     measures the most the servers can carry. wrk's latency never includes the pause.

local people = {}      -- { token = "hw_...", goals = {id, ...} }
local owner = {}       -- goal id -> index into people
for line in io.lines(os.getenv("LOAD_TOKENS")) do
  local token, goals = line:match("^(%S+)%s+(%S+)$")
  local person = { token = token, goals = {} }
  for id in goals:gmatch("%d+") do
    person.goals[#person.goals + 1] = tonumber(id)
    owner[tonumber(id)] = #people + 1
  end
  people[#people + 1] = person
end

local budget = tonumber(os.getenv("LOAD_WEEK_BUDGET") or "3")
local tag = os.getenv("LOAD_TAG") or "load"

local reads = {
  { share = 25, path = "/api/v1/actions?horizon=now&status=open" },
  { share = 20, path = "/api/v1/actions?horizon=week&status=open" },
  { share = 15, path = "/api/v1/goals" },
  { share = 10, path = "/api/v1/review" },
  { share = 10, path = "/api/v1/actions?horizon=later&status=open&limit=20" },
}
local write_share = 20

local think = tonumber(os.getenv("LOAD_THINK_MS") or "0")
if think > 0 then
  function delay()
    return -think * math.log(1 - math.random())
  end
end

local texts = {
  "write 1,000 words of chapter %d", "run %d km at an easy pace", "send my portfolio to %d design studios",
  "practice Spanish with a tutor for %d minutes", "submit a short story to %d magazines",
}

-- Per person: actions created and waiting in Later, actions in This week, and how many this state holds there.
local later, week, in_week = {}, {}, {}
for i = 1, #people do later[i], week[i], in_week[i] = {}, {}, 0 end

-- Counters, read by done() through thread:get().
sent = { read = 0, create = 0, move = 0, done = 0 }
answered = { created = 0, moved = 0, completed = 0 }
statuses = {}
problems = {}           -- the first few refusals' bodies, to tell what refused them
local serial = 0

local threads = {}
function setup(thread)
  thread:set("thread_index", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() + (thread_index or 0) * 7919 + #tag * 104729)
end

local function headers(person, extra)
  local h = { ["Authorization"] = "Bearer " .. person.token, ["Accept"] = "application/json" }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

local function pop(list)
  return table.remove(list, 1)
end

function request()
  local p = math.random(#people)
  local person = people[p]
  local roll = math.random(100)
  if roll > write_share then
    roll = roll - write_share
    for _, r in ipairs(reads) do
      if roll <= r.share then
        sent.read = sent.read + 1
        return wrk.format("GET", r.path, headers(person))
      end
      roll = roll - r.share
    end
  end

  local json = { ["Content-Type"] = "application/json" }
  local doing = pop(week[p])
  if doing then
    sent.done = sent.done + 1
    json["If-Match"] = doing.etag
    return wrk.format("POST", "/api/v1/actions/" .. doing.id .. "/done", headers(person, json),
      '{"result":"' .. string.format(texts[doing.id % #texts + 1], doing.id % 9 + 1) .. '"}')
  end

  if in_week[p] < budget and #later[p] > 0 then
    local waiting = pop(later[p])
    in_week[p] = in_week[p] + 1
    sent.move = sent.move + 1
    json["If-Match"] = waiting.etag
    return wrk.format("POST", "/api/v1/actions/" .. waiting.id .. "/move", headers(person, json), '{"to":"week"}')
  end

  serial = serial + 1
  sent.create = sent.create + 1
  json["Idempotency-Key"] = string.format("%s-%d-%d-%d", tag, thread_index or 0, serial, math.random(1000000000))
  local goal = person.goals[math.random(#person.goals)]
  return wrk.format("POST", "/api/v1/actions", headers(person, json),
    string.format('{"text":"%s","goalId":%d,"horizon":"later","keepPassive":true}',
      string.format(texts[serial % #texts + 1], serial % 40 + 1), goal))
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 400 and #problems < 5 then
    problems[#problems + 1] = status .. " " .. body:sub(1, 300):gsub("%s+", " ")
  end
  local id = body:match('^{"id":(%d+)')
  if not id or status >= 300 then
    return
  end

  local p = owner[tonumber(body:match('"goalId":(%d+)') or -1)]
  if not p then
    return
  end

  local horizon, state = body:match('"horizon":"(%a+)","status":"(%a+)"')
  local entry = { id = tonumber(id), etag = hdrs["ETag"] or hdrs["etag"] or "*" }
  if state == "done" then
    answered.completed = answered.completed + 1
    in_week[p] = in_week[p] - 1
  elseif horizon == "week" then
    answered.moved = answered.moved + 1
    week[p][#week[p] + 1] = entry
  elseif horizon == "later" and status == 201 then
    answered.created = answered.created + 1
    later[p][#later[p] + 1] = entry
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("LOAD_OUT"), "w"))
  out:write(string.format("requests %d\nduration_us %d\nbytes %d\n", summary.requests, summary.duration, summary.bytes))
  for _, kind in ipairs({ "connect", "read", "write", "status", "timeout" }) do
    out:write(string.format("errors.%s %d\n", kind, summary.errors[kind]))
  end

  local totals = {}
  for _, thread in ipairs(threads) do
    for _, name in ipairs({ "sent", "answered", "statuses" }) do
      for k, v in pairs(thread:get(name)) do
        local key = name .. "." .. k
        totals[key] = (totals[key] or 0) + v
      end
    end
  end
  for k, v in pairs(totals) do out:write(string.format("%s %d\n", k, v)) end
  for _, thread in ipairs(threads) do
    for _, problem in ipairs(thread:get("problems")) do out:write("problem " .. problem .. "\n") end
  end

  -- The whole histogram (microseconds, count), so the run can merge several wrk processes into exact percentiles.
  for i = 1, #latency do
    local value, count = latency(i)
    out:write(string.format("latency %d %d\n", value, count))
  end
  out:close()
end
