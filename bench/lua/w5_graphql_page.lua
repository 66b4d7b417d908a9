-- W5: the GraphQL 360 query for a page of 50 customers (nested collections are batched).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local body = '{"query":"{ customers(filter: \\"tags==vip\\", limit: 50) { hasMore data { id givenName '
  .. 'recentPurchases(limit: 3) { orderRef amount } recentInteractions(limit: 3) { type } '
  .. 'stats { purchaseCount } } } }"}'
request = function()
  return wrk.format("POST", "/graphql", { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
