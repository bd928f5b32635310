-- Members cast and change their ballots in one open round: a random member, a random candidate, size and pledge.
local c = dofile("bench/wrk/common.lua")
setup = c.setup
done = c.done
local tokens, round, cities
function init(args)
  c.seed()
  tokens = c.lines("tokens.txt")
  round = c.lines("round.txt")[1]
  cities = c.lines("cities.txt")
end
function request()
  local body = string.format('{"choices":[%s],"size":%d,"pledge":%s}', cities[math.random(#cities)],
    math.random(2) == 1 and 50 or 200, math.random(2) == 1 and "true" or "false")
  return wrk.format("PUT", "/api/rounds/" .. round .. "/ballot",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }, body)
end
