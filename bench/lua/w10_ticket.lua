-- W10: POST /v1/tickets for a random customer with a first message and a fresh Idempotency-Key each time (held to
-- the run's SLA policy: its clocks are written in the same transaction).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
load_ids()
local counter = 0
local prefix = tostring(math.random(1, 1e9))
setup = function(thread)
  thread:set("tid", tostring(math.random(1, 1e9)))
end
request = function()
  counter = counter + 1
  local key = prefix .. "-" .. tid .. "-" .. counter
  local body = '{"customerId":"' .. random_id() .. '","subject":"Card declined ' .. key .. '","channel":"email",'
      .. '"type":"incident","message":{"authorType":"requester","bodyText":"My card was declined at checkout."}}'
  return wrk.format("POST", "/v1/tickets", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
