-- The phone page at a demo booth: volunteers holding the slot send counts, each with a key made on the phone.
local c = dofile("bench/wrk/common.lua")
setup = c.setup
done = c.done
local tokens, slot, product
local n = 0
function init(args)
  c.seed()
  tokens = c.lines("slot-tokens.txt")
  slot = c.lines("slot.txt")[1]
  product = c.lines("product.txt")[1]
end
function request()
  n = n + 1
  local key = string.format("wrk-%d-%d-%d", id, os.time(), n)
  local body
  if n % 4 == 0 then
    body = string.format('{"entries":[{"clientKey":"%s","kind":"demo","productId":%s}]}', key, product)
  else
    body = string.format('{"entries":[{"clientKey":"%s","kind":"visitor"}]}', key)
  end
  return wrk.format("POST", "/api/plugins/booths/slots/" .. slot .. "/tallies",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }, body)
end
