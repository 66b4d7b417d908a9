-- W13: POST /v1/leads with a fresh Idempotency-Key and email each time, scored by the run's ten scoring rules in the
-- same transaction (the sources, company sizes and values vary so that different rules hold).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local counter = 0
local prefix = tostring(math.random(1, 1e9))
local sources = { "web_form", "referral", "event", "ads" }
local sizes = { "1-10", "51-200", "201-1000", "1001-5000" }
setup = function(thread)
  thread:set("tid", tostring(math.random(1, 1e9)))
end
request = function()
  counter = counter + 1
  local key = prefix .. "-" .. tid .. "-" .. counter
  local body = '{"givenName":"Bench","familyName":"Lead","email":"w13-' .. key .. '@example.com",'
      .. '"source":"' .. sources[1 + counter % 4] .. '","campaign":"spring-w13",'
      .. '"company":{"name":"Bench ' .. key .. '","size":"' .. sizes[1 + counter % 4] .. '","industry":"software"},'
      .. '"utm":{"source":"google","medium":"cpc"},"estimatedValue":' .. (counter % 50) * 1000 .. ',"currency":"EUR",'
      .. '"tags":["w13"]}'
  return wrk.format("POST", "/v1/leads", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
