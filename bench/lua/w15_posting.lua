-- W15: an earn posting of 10 points with a fresh Idempotency-Key to a random one of the run's accounts
-- (BENCH_W15_ACCOUNTS: a file of account ids).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local accounts = {}
for line in io.lines(os.getenv("BENCH_W15_ACCOUNTS")) do accounts[#accounts + 1] = line end
local counter = 0
local prefix = tostring(math.random(1, 1e9))
setup = function(thread)
  thread:set("tid", tostring(math.random(1, 1e9)))
end
request = function()
  counter = counter + 1
  local account = accounts[math.random(#accounts)]
  return wrk.format("POST", "/v1/loyalty/accounts/" .. account .. "/transactions", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "w15-" .. prefix .. "-" .. tid .. "-" .. counter }, '{"type":"earn","points":10}')
end
