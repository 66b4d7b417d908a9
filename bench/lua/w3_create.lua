-- W3: POST /v1/customers with a fresh Idempotency-Key and email each time (the event is appended in the same tx).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local counter = 0
local prefix = tostring(math.random(1, 1e9))
setup = function(thread)
  thread:set("tid", tostring(math.random(1, 1e9)))
end
request = function()
  counter = counter + 1
  local key = prefix .. "-" .. tid .. "-" .. counter
  local body = '{"givenName":"Bench","familyName":"Create","emails":[{"address":"w3-' .. key .. '@example.com"}],"tags":["w3"]}'
  return wrk.format("POST", "/v1/customers", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
