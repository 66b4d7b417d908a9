-- W4: the GraphQL customer 360 query for one random customer.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
load_ids()
request = function()
  local body = '{"query":"query($id: ID!) { customer(id: $id) { id givenName familyName emails { address } '
    .. 'recentPurchases(limit: 5) { orderRef amount currency } recentInteractions(limit: 5) { type summary } '
    .. 'stats { purchaseCount lifetimeValue { amount currency } } } }","variables":{"id":"' .. random_id() .. '"}}'
  return wrk.format("POST", "/graphql", { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
