-- POST /api/v1/score: one full assessment (every item answered, answers.json next to this script), scored
-- under the active ruleset with its fired-rule trace; nothing stored. Run by load-run.sh.
local file = assert(io.open(os.getenv("BENCH_DIR") .. "/answers.json", "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   ok, other = 0, 0
end

function response(status, headers, body)
   if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
   local o, x = 0, 0
   for _, t in ipairs(threads) do o = o + t:get("ok"); x = x + t:get("other") end
   io.write(string.format("scored (200): %d, other statuses: %d\n", o, x))
end
