-- POST /api/v1/assessments/{id}/submit over prepared drafts, one id per request, never the same id twice while
-- any is left (ids from the file BENCH_DRAFTS, one per line; thread k takes ids k, k+n, k+2n, ...). Each submit
-- checks completeness, scores the draft under the rules and stores the result. Counts 201 (stored now)
-- against everything else, for load-run.sh to compare with the rows in the database afterwards.
local ids = {}
for line in io.lines(os.getenv("BENCH_DRAFTS")) do ids[#ids + 1] = line end

local threads = {}
local count = 0

function setup(thread)
   count = count + 1
   thread:set("first", count)
   table.insert(threads, thread)
end

function init(args)
   step = tonumber(os.getenv("BENCH_THREADS"))
   nexti = first
   created, other, exhausted = 0, 0, 0
   wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   local id = ids[nexti]
   if id == nil then
      -- Out of drafts: repeat the first (answered 200, stores nothing) and say so at the end.
      exhausted = exhausted + 1
      id = ids[first]
   end
   nexti = nexti + step
   return wrk.format("POST", "/api/v1/assessments/" .. id .. "/submit", nil, "")
end

function response(status, headers, body)
   if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
   local c, o, e = 0, 0, 0
   for _, t in ipairs(threads) do
      c = c + t:get("created"); o = o + t:get("other"); e = e + t:get("exhausted")
   end
   io.write(string.format("submitted (201): %d, other statuses: %d, requests after the drafts ran out: %d\n", c, o, e))
end
