-- W2: a filtered list page (RSQL on tags and a custom attribute), sorted, with a cursor from a first page.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local paths = {
  "/v1/customers?filter=tags==vip;attributes.score=ge=50&limit=20",
  "/v1/customers?filter=tags==vip&limit=20&sort=-createdAt",
}
request = function()
  return wrk.format("GET", paths[math.random(#paths)], { ["Authorization"] = "Bearer " .. token })
end
