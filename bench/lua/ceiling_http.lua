-- The HTTP stack ceiling: the cheapest endpoint (liveness, no database, no token).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
