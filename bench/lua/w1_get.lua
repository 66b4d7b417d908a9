-- W1: GET /v1/customers/{id} for random ids.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
load_ids()
request = function()
  return wrk.format("GET", "/v1/customers/" .. random_id(), { ["Authorization"] = "Bearer " .. token })
end
