-- Members RSVP to one meetup (50 seats) and change their party size: every request takes the meetup's seat pool.
local c = dofile("bench/wrk/common.lua")
setup = c.setup
done = c.done
local tokens, meetup
function init(args)
  c.seed()
  tokens = c.lines("tokens.txt")
  meetup = c.lines("meetup.txt")[1]
end
function request()
  local body = string.format('{"guests":%d}', math.random(0, 1))
  return wrk.format("PUT", "/api/plugins/meetups/meetups/" .. meetup .. "/rsvp",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }, body)
end
