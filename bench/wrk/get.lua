-- GET of BENCH_PATH (e.g. /api/ping, /api/cities?q=bei), anonymous: the ceiling and the public reads.
local c = dofile("bench/wrk/common.lua")
setup = c.setup
done = c.done
local path = os.getenv("BENCH_PATH")
function request()
  return wrk.format("GET", path)
end
