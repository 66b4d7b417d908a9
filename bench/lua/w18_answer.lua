-- W18: a score of 0-10 answered through the public endpoint POST /v1/survey-responses/{token}, without a bearer
-- token, to the one nps question of a personal link seeded by w18_seed.sql; each link once, as a second answer is a
-- 409. Link n's token is 'w18-' and n zero-padded to 39 digits. A workload's wrk processes (its warm-up rounds, each
-- connection count) run one after the other and share a file, BENCH_W18_NEXT, holding the first link none of them
-- has taken: thread t of a process (at most 2) takes links next + t, next + t + 2, next + t + 4, ..., and when the
-- process ends it writes back the link after the last one its threads took.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
require "common"
local STRIDE = 2
local next_file = os.getenv("BENCH_W18_NEXT")
local threads = {}
local first
setup = function(thread)
  if first == nil then
    local f = assert(io.open(next_file, "r"))
    first = assert(tonumber(f:read("*l")), "BENCH_W18_NEXT holds no link number")
    f:close()
  end
  if #threads == STRIDE then error("w18_answer.lua takes at most " .. STRIDE .. " wrk threads") end
  thread:set("link", first + #threads)
  threads[#threads + 1] = thread
end
local report = done
done = function(summary, latency, requests)
  local after = first
  for _, thread in ipairs(threads) do
    after = math.max(after, thread:get("link") - STRIDE + 1)   -- the thread's next link less one stride: its last
  end
  local f = assert(io.open(next_file, "w"))
  f:write(string.format("%d\n", after))
  f:close()
  report(summary, latency, requests)
end
request = function()
  local token = string.format("w18-%039d", link)
  local score = link % 11
  link = link + STRIDE
  return wrk.format("POST", "/v1/survey-responses/" .. token, { ["Content-Type"] = "application/json" },
    '{"answers":[{"question":"score","value":' .. score .. '}]}')
end
