-- W16: redemptions of 1 point, each with a fresh Idempotency-Key, all on one hot account (BENCH_W16_ACCOUNT) that
-- holds fewer points than are asked for: the ones beyond its balance answer 409 insufficient-points, which this
-- script counts apart from errors.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local account = os.getenv("BENCH_W16_ACCOUNT")
local counter = 0
local prefix = tostring(math.random(1, 1e9))
setup = function(thread)
  thread:set("tid", tostring(math.random(1, 1e9)))
end
request = function()
  counter = counter + 1
  return wrk.format("POST", "/v1/loyalty/accounts/" .. account .. "/transactions", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "w16-" .. prefix .. "-" .. tid .. "-" .. counter }, '{"type":"redeem","points":1}')
end
