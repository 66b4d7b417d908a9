#!/usr/bin/env bash
# Rapport A/B: two builds or two sets of JVM options, run alternately (A, B, A, B, ...) on one workload, so that the
# machine's drift between minutes falls on both alike. Uses the database, key and customer ids of the last
# bench/run.sh (run that first; BENCH_WORKLOADS=W1 is enough to seed it).
#
#   bench/ab.sh <workload> [rounds]   workload: W1, W2, W3, W4 or W5; rounds default 3
#     AB_APP_A, AB_APP_B              quarkus-app folders to compare (default target/quarkus-app for both: copy one
#                                     aside, e.g. cp -r target/quarkus-app /tmp/app-before, and rebuild)
#     AB_OPTS_A, AB_OPTS_B            JVM options of each (default -Xmx256m, as in run.sh)
#     AB_WARMUP=60s AB_DURATION=15s AB_CONNECTIONS=32
#     AB_RAW                          the raw folder of the run whose key and ids to use (default: the newest)
#     BENCH_DB_* and BENCH_PORT       as in run.sh
# Prints a line per round and variant (startup, requests/s, p50/p99 ms, errors, service CPU ms per request, RSS MB,
# PostgreSQL's CPU ms per request when it runs on this machine) and the mean of each variant.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

WORKLOAD=${1:?usage: bench/ab.sh W1|W2|W3|W4|W5 [rounds]}
ROUNDS=${2:-3}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-5432}
DB_USER=${BENCH_DB_USER:-postgres}
DB_NAME=${BENCH_DB_NAME:-rapport_bench}
PORT=${BENCH_PORT:-18080}
RAW=${AB_RAW:-$(dirname "$(ls -t bench/results/*/raw/key.pem 2>/dev/null | head -1)")}
[ -f "$RAW/key.pem" ] && [ -f "$RAW/ids.txt" ] || { echo "No key.pem and ids.txt in '$RAW': run bench/run.sh first"; exit 1; }
case $WORKLOAD in
  W1) script=w1_get.lua path=/v1/customers ;;
  W2) script=w2_list.lua path=/v1/customers ;;
  W3) script=w3_create.lua path=/v1/customers ;;
  W4) script=w4_graphql_one.lua path=/graphql ;;
  W5) script=w5_graphql_page.lua path=/graphql ;;
  *) echo "unknown workload $WORKLOAD"; exit 1 ;;
esac
export BENCH_LUA="$PWD/bench/lua" BENCH_IDS="$PWD/$RAW/ids.txt"
export BENCH_TOKEN; BENCH_TOKEN=$(bench_jwt "$RAW/key.pem" agent)
PUBLIC_KEY=$(bench_public_key "$RAW/key.pem")
POSTMASTER=$(postmaster_pid)
LOG=$(mktemp -d)
trap '[ -n "${RAPPORT_PID:-}" ] && kill "$RAPPORT_PID" 2>/dev/null; rm -rf "$LOG"' EXIT

for round in $(seq "$ROUNDS"); do
  for variant in A B; do
    app_var=AB_APP_$variant opts_var=AB_OPTS_$variant
    # shellcheck disable=SC2086 # the options are a list
    start_rapport "${!app_var:-target/quarkus-app}" "$LOG/service-$variant.log" "$PUBLIC_KEY" ${!opts_var:--Xmx256m}
    wrk -t2 -c8 -d"${AB_WARMUP:-60s}" -s "bench/lua/$script" "http://127.0.0.1:$PORT$path" > /dev/null
    before=$(cpu_ticks "$RAPPORT_PID") pg_before=$(pg_ticks "$POSTMASTER")
    result=$(wrk -t2 -c"${AB_CONNECTIONS:-32}" -d"${AB_DURATION:-15s}" --timeout 5s -s "bench/lua/$script" \
             "http://127.0.0.1:$PORT$path" | sed -n 's/^RESULT //p')
    after=$(cpu_ticks "$RAPPORT_PID") pg_after=$(pg_ticks "$POSTMASTER")
    echo "$round $variant $STARTUP_MS $before $after ${pg_before:-0} ${pg_after:-0} $(rss_mb_of "$RAPPORT_PID") $result" \
      | tee -a "$LOG/rows"
    kill "$RAPPORT_PID"; wait "$RAPPORT_PID" 2>/dev/null || true; RAPPORT_PID=
  done
done
python3 -c '
import collections, json, sys
runs = collections.defaultdict(list)
print("round variant startup_ms requests/s p50_ms p99_ms errors cpu_ms/request rss_mb db_cpu_ms/request")
for line in sys.stdin:
    round_, variant, startup, before, after, pg_before, pg_after, rss, result = line.split(" ", 8)
    r = json.loads(result)
    requests = max(r["requests"], 1)
    row = (int(startup), r["requests"] / r["seconds"], r["p50"], r["p99"], r["errors"],
           (int(after) - int(before)) * 10 / requests, int(rss), (int(pg_after) - int(pg_before)) * 10 / requests)
    runs[variant].append(row)
    print(round_, variant, "%d %.0f %.1f %.1f %d %.3f %d %.3f" % row)
for variant, rows in sorted(runs.items()):
    print("mean", variant, " ".join("%.4g" % (sum(col) / len(col)) for col in zip(*rows)))
' < "$LOG/rows"
