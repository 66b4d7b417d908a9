-- Shared by the workloads: bearer token, random customer ids, and a JSON summary line at the end.

-- Every wrk thread runs its own Lua state, and LuaJIT starts each with the same random seed: without a seed of its
-- own, every run (the warm-up, each connection count) made the same Idempotency-Keys and emails, and its writes
-- replayed the stored answers of the run before. Each state takes its seed from the kernel.
do
  local urandom = io.open("/dev/urandom", "rb")
  local a, b, c, d = urandom:read(4):byte(1, 4)
  urandom:close()
  math.randomseed(((a * 256 + b) * 256 + c) * 256 + d)
end
local ids = {}
token = os.getenv("BENCH_TOKEN")

function load_ids()
  for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
end

function random_id()
  return ids[math.random(#ids)]
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format(
    "RESULT {\"requests\": %d, \"errors\": %d, \"seconds\": %.3f, \"p50\": %.3f, \"p99\": %.3f, \"p999\": %.3f}\n",
    summary.requests, errors, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
