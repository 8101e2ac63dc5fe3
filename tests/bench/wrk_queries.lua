-- wrk script for tests/bench/run.sh: each request takes the next path from
-- the file named by the PG_PATHS environment variable (one URL-encoded path a
-- line, written by run.sh from tests/bench/queries.tsv), cycling; every
-- thread starts at a different line. Non-2xx answers are counted and printed.
local paths = {}
local file = os.getenv("PG_PATHS")
for line in io.lines(file) do
  if #line > 0 then paths[#paths + 1] = line end
end
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  i = id
  non2xx = 0
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  io.write(string.format("non2xx %d\n", bad))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d_ms %.2f\n", p, latency:percentile(p) / 1000))
  end
end
