-- Shared by the wrk scenarios: reading the files VoteBench's wrk-setup wrote, seeding each thread apart, and one
-- summary line per scenario in the same shape as VoteBench's (requests, errors, throughput, p50, p99).
local M = {}

function M.lines(name)
  local out = {}
  for line in io.lines(os.getenv("BENCH_DIR") .. "/" .. name) do
    if #line > 0 then out[#out + 1] = line end
  end
  return out
end

local threads = 0
function M.setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function M.seed()
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

function M.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local errors = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("%-34s requests=%d errors=%d throughput=%.1f/s p50=%.2fms p99=%.2fms\n",
    os.getenv("BENCH_NAME") or "?", summary.requests, errors, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

return M
