#!/usr/bin/env bash
# Rapport benchmark: loads N customers into PostgreSQL, runs the packaged service in prod mode, and measures the
# workloads W1–W6 and their ceilings (pgbench running W1's SELECT, W4's four statements and W3's transaction; the
# cheapest HTTP endpoint) at several connection counts. Writes bench/results/<date>-<commit>/{report.md,results.csv,
# *.png}: the run's UTC date and the commit of the service it measures (bench/README.md).
#
#   bench/run.sh [customers]          default 100000; BENCH_DURATION=10s BENCH_CONNECTIONS="1 8 32 128"
#                                     BENCH_JAVA_OPTS=-Xmx256m (the heap a 512 MiB pod gives the service)
#                                     BENCH_DB_POOL_SIZE=8 (the service's connections; sized for this machine's
#                                     2-core database, see bench/lib.sh)
#                                     BENCH_WARMUP=20s, BENCH_WARMUP_MAX=120s (unrecorded 10 s rounds before each
#                                     workload until the rate is steady; C2 compiles the GraphQL path for 60-90 s here)
#                                     BENCH_W6_RATE=500 (events per second for W6 and writes per second for W7),
#                                     BENCH_W6_WARMUP=60s, BENCH_W7_WARMUP=20s, BENCH_W7_SEGMENTS=50,
#                                     BENCH_COMMIT: the commit of the service (default this checkout's HEAD, with
#                                     -dirty when src/ or pom.xml differ from it; required with BENCH_APP)
#                                     BENCH_SUFFIX: appended to the folder's name, describing the run (w1w2, before)
#                                     BENCH_LABEL: the whole folder name instead of <date>-<commit>[-<suffix>]
#                                     BENCH_WORKLOADS="W1 W2 W3 W4 W5 W6 W7 W8 W9 W10 W11 W12 W13 W14 W15 W16 W17 W18
#                                     W19 W20 W21" (a subset for quick experiments; W8 is meant for 1,000,000 customers:
#                                     BENCH_WORKLOADS=W8 bench/run.sh 1000000; W12 seeds BENCH_W12_TICKETS=1000000
#                                     tickets, W14 BENCH_W14_LEADS=1000000 leads, W18 BENCH_W18_TOKENS=1000000 survey
#                                     links, W19 BENCH_W19_RESPONSES=1000000 survey responses, W21
#                                     BENCH_W21_CUSTOMERS=1000000 customers of its own with their match keys and walks
#                                     BENCH_W21_PAGES=10 pages after the first (it reads only its own, so
#                                     BENCH_WORKLOADS=W21 bench/run.sh 1000 seeds few others); W13 and W18 are
#                                     measured beside W3, which they run too)
#                                     BENCH_W11_CLOCKS=10000 (SLA clocks falling due within W11's minute)
#                                     BENCH_APP: a quarkus-app folder to run instead of building this checkout
#                                     BENCH_JFR=1 records a JFR profile of the service (raw/service-<n>.jfr) and
#                                     prints its hottest frames with bench/jfr_top.py
#
# Besides the service's CPU per request, records PostgreSQL's (when the server runs on this machine: its processes'
# CPU from /proc) and the load generator's, and reports where the cores go.
#
# Needs a PostgreSQL server reachable with trust or PGPASSWORD auth (BENCH_DB_HOST/PORT/USER, default
# 127.0.0.1:5432 postgres); wrk, pgbench, psql, gnuplot and openssl are installed from Debian packages if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N=${1:-${BENCH_CUSTOMERS:-100000}}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-"1 8 32 128"}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-5432}
DB_USER=${BENCH_DB_USER:-postgres}
DB_NAME=${BENCH_DB_NAME:-rapport_bench}
PORT=${BENCH_PORT:-18080}
if [ -n "${BENCH_APP:-}" ]; then
  COMMIT=${BENCH_COMMIT:?BENCH_APP needs BENCH_COMMIT, the commit its package was built from}
else
  dirty=$([ -z "$(git status --porcelain -- src pom.xml)" ] || echo -dirty)
  COMMIT=${BENCH_COMMIT:-$(git rev-parse --short=7 HEAD)$dirty}
fi
OUT="bench/results/${BENCH_LABEL:-$(date -u +%Y-%m-%d)-$COMMIT${BENCH_SUFFIX:+-$BENCH_SUFFIX}}"
RAW="$OUT/raw"
mkdir -p "$RAW"
export BENCH_LUA="$PWD/bench/lua" BENCH_IDS="$PWD/$RAW/ids.txt"

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk; need gnuplot gnuplot-nox; need pgbench postgresql-client; need psql postgresql-client; need openssl openssl
pg_isready -q -h "$DB_HOST" -p "$DB_PORT" || { echo "No PostgreSQL at $DB_HOST:$DB_PORT (see BENCH_DB_*)"; exit 1; }
PSQL=(psql -q -X -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER")

APP=${BENCH_APP:-target/quarkus-app}
if [ -z "${BENCH_APP:-}" ]; then
  echo "== build"
  ./mvnw -q -B -DskipTests package
fi

echo "== tokens (RS256, a key made for this run; the service trusts it as its OIDC key)"
openssl genrsa -out "$RAW/key.pem" 2048 2>/dev/null
PUBLIC_KEY=$(bench_public_key "$RAW/key.pem")
export BENCH_TOKEN; BENCH_TOKEN=$(bench_jwt "$RAW/key.pem" agent)
ADMIN_TOKEN=$(bench_jwt "$RAW/key.pem" admin)

PID=
STARTS=0
start_service() {
  local jfr=()
  STARTS=$((STARTS + 1))
  [ -n "${BENCH_JFR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$RAW/service-$STARTS.jfr,settings=profile,dumponexit=true")
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
  start_rapport "$APP" "$RAW/service.log" "$PUBLIC_KEY" ${BENCH_JAVA_OPTS:--Xmx256m} "${jfr[@]}"
  PID=$RAPPORT_PID
}
stop_service() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; PID=; }
RECEIVER=
# (each kill may find its process gone: under set -e a failing last command would make the run's status 1)
trap 'stop_service; kill $RECEIVER ${VACUUMER:-} 2>/dev/null || true' EXIT

echo "== database $DB_NAME with $N customers"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB_NAME" -c "create database $DB_NAME"
start_service                      # migrates the empty database
stop_service
seed_started=$(date +%s)
"${PSQL[@]}" -d "$DB_NAME" -v n="$N" -f bench/seed.sql
SEED_SECONDS=$(( $(date +%s) - seed_started ))
IDS=60000                                # W7 and W9 write each customer once: 25,000 each at 500/s for 20 + 30 s
"${PSQL[@]}" -d "$DB_NAME" -At -c "select id from bench_ids order by random() limit $IDS" > "$BENCH_IDS"
start_service                      # startup to ready on a loaded database
STARTUP_LOADED=$STARTUP_MS
echo "startup to ready: ${STARTUP_MS} ms"

ticks() { cpu_ticks "$PID"; }
rss_mb() { rss_mb_of "$PID"; }
CSV="$OUT/results.csv"
echo "workload,connections,throughput,p50_ms,p99_ms,p999_ms,errors,cpu_ms_per_request,rss_mb,db_cpu_ms_per_request,client_cpu_ms_per_request" > "$CSV"
# Where the two cores go: besides the service's CPU, PostgreSQL's (when it runs on this machine) and the load
# generator's (wrk, pgbench, the W6 writer) per request, so that each workload's limit can be read off the report.
POSTMASTER=$(postmaster_pid)
# cpu_mark: sets PG_MARK and CLIENT_MARK to the CPU ticks so far of PostgreSQL and of this shell's finished children.
cpu_mark() { PG_MARK=$(pg_ticks "$POSTMASTER"); read_child_ticks; CLIENT_MARK=$CHILD_TICKS; }
# cpu_split requests pg-before client-before: after a cpu_mark, prints ",<db ms/request>,<client ms/request>" (db
# empty when PostgreSQL runs elsewhere).
cpu_split() {
  python3 -c 'import sys
n, pg0, pg1, c0, c1 = sys.argv[1:]
n = max(float(n or 0), 1)
db = f"{(float(pg1) - float(pg0)) * 10 / n:.3f}" if pg0 and pg1 else ""
print(f",{db},{(float(c1) - float(c0)) * 10 / n:.3f}")' "$1" "$2" "$PG_MARK" "$3" "$CLIENT_MARK"
}

WORKLOADS=" ${BENCH_WORKLOADS:-W1 W2 W3 W4 W5 W6 W7 W9} "
[[ "$WORKLOADS" != *" W13 "* ]] || WORKLOADS="$WORKLOADS W3 "   # W13 is a ratio to W3 in the same run
[[ "$WORKLOADS" != *" W18 "* ]] || WORKLOADS="$WORKLOADS W3 "   # and so is W18
wanted() { [[ "$1" != W* || "$WORKLOADS" == *" ${1%%_*} "* ]]; }
# Warm-up (not recorded): 10 s rounds until one is within 5 % of the one before, after at least BENCH_WARMUP and at
# most BENCH_WARMUP_MAX. The JIT needs the same requests for a while: the GraphQL workloads took 60-90 s to reach a
# steady rate on this machine, the REST ones 20-30 s.
warm_up() { # script path
  local min=${BENCH_WARMUP:-20s} max=${BENCH_WARMUP_MAX:-120s} started rps previous=0 elapsed
  started=$(date +%s)
  while true; do
    rps=$(wrk -t2 -c8 -d10s -s "bench/lua/$1" "http://127.0.0.1:$PORT$2" | sed -n 's/^RESULT //p' \
          | python3 -c 'import json, sys; r = json.load(sys.stdin); print(int(r["requests"] / r["seconds"]))')
    elapsed=$(( $(date +%s) - started ))
    if [ "$elapsed" -ge "${max%s}" ] || { [ "$elapsed" -ge "${min%s}" ] && [ $(( rps * 100 )) -le $(( previous * 105 )) ] \
         && [ $(( rps * 100 )) -ge $(( previous * 95 )) ]; }; then
      break
    fi
    previous=$rps
  done
  echo "  warm-up $1: ${elapsed} s, last round $rps rps"
}
run_wrk() { # name script path
  local name=$1 script=$2 path=$3 c before after line pg_before client_before split
  wanted "$name" || return 0
  warm_up "$script" "$path"
  for c in $CONNECTIONS; do
    # 3 s unrecorded at this many connections first: going from fewer connections to more opens new ones (and new
    # pooled database connections, each preparing its statements), which put a 100 ms p99 into the first 10 s.
    wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d3s --timeout 5s -s "bench/lua/$script" "http://127.0.0.1:$PORT$path" > /dev/null
    cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
    before=$(ticks)
    line=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"$DURATION" --timeout 5s -s "bench/lua/$script" "http://127.0.0.1:$PORT$path" \
      | tee "$RAW/$name-c$c.txt" | sed -n 's/^RESULT //p')
    after=$(ticks)
    cpu_mark
    split=$(cpu_split "$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["requests"])' "$line")" \
            "$pg_before" "$client_before")
    python3 - "$name" "$c" "$line" "$before" "$after" "$(rss_mb)" "$split" >> "$CSV" <<'PY'
import json, sys
name, c, line, before, after, rss, split = sys.argv[1:]
r = json.loads(line)
rps = r["requests"] / r["seconds"]
cpu = (float(after) - float(before)) * 10 / max(r["requests"], 1)   # 100 ticks per second
print(f"{name},{c},{rps:.1f},{r['p50']:.2f},{r['p99']:.2f},{r['p999']:.2f},{r['errors']},{cpu:.3f},{rss}{split}")
PY
    echo "  $name c=$c: $(tail -1 "$CSV")"
  done
}

echo "== ceilings"
# pgbench needs one server connection per client: stay below max_connections (the service holds its pool too).
PG_MAX_CLIENTS=$(( $("${PSQL[@]}" -d "$DB_NAME" -At -c "show max_connections") - 30 ))
# -M prepared: statements parsed and planned once per connection, as the service's pool caches them (Quarkus'
# cache-prepared-statements, on for PostgreSQL); the simple protocol re-plans every statement and made the ceilings
# 1.6-2.3 times lower (bench/FINDINGS.md, 2026-11-24 27e3ee8).
pgbench_ceiling() { # name script
  local c clients tps pg_before client_before
  for c in $CONNECTIONS; do
    clients=$(( c < PG_MAX_CLIENTS ? c : PG_MAX_CLIENTS ))
    cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
    tps=$(pgbench -n -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -c "$clients" -j "$(( clients < 2 ? 1 : 2 ))" -M prepared \
          -T "${DURATION%s}" -D count="$N" -f "bench/$2" "$DB_NAME" 2>&1 | tee "$RAW/$1-c$c.txt" \
          | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1 || true)
    sleep 1    # until the postmaster has reaped pgbench's backends: their CPU is counted only then
    cpu_mark
    echo "$1,$c,$tps,,,,0,,$(cpu_split "$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' \
         "$RAW/$1-c$c.txt")" "$pg_before" "$client_before")" >> "$CSV"
    echo "  $1 c=$c ($clients clients): $tps tps"
  done
}
if wanted W1 || wanted W2 || wanted W3 || wanted W4 || wanted W5; then   # the ceilings of the HTTP workloads
  pgbench_ceiling pgbench_w1 pgbench_w1.sql
  run_wrk http_ceiling ceiling_http.lua /q/health/live
fi
echo "== workloads"
run_wrk W1_get w1_get.lua /v1/customers
run_wrk W2_list w2_list.lua /v1/customers
wanted W4 && pgbench_ceiling pgbench_w4 pgbench_w4.sql
run_wrk W4_graphql_one w4_graphql_one.lua /graphql
run_wrk W5_graphql_page50 w5_graphql_page.lua /graphql
# Writes last: the customers they add are the newest, and would sit in front of every newest-first list page above.
wanted W3 && pgbench_ceiling pgbench_w3 pgbench_w3.sql
run_wrk W3_create w3_create.lua /v1/customers
if wanted W13; then
  # Ten scoring rules over the lead's fields: each create evaluates all of them in its transaction.
  for condition in 'source==ads' 'source==referral' 'company.size=in=(201-1000,1001-5000)' 'campaign==spring*' \
      'utm.medium==cpc' 'estimatedValue=gt=25000' 'tags==enterprise' 'email==*@gmail.com' \
      'company.industry==software' 'notesLast30Days=ge=2'; do
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"W13 $condition\",\"condition\":\"$condition\",\"points\":10}" \
      "http://127.0.0.1:$PORT/v1/lead-scoring-rules"
  done
  run_wrk W13_lead w13_lead.lua /v1/leads
fi
if wanted W18; then
  # A personal link for every answer the workload posts, each answered once: its warm-up (up to BENCH_WARMUP_MAX) and
  # 3 s + BENCH_DURATION at each connection count take ~170 s at the defaults, so 1,000,000 links last at ~5,800
  # answers/s throughout. The service's per-address limit of the public endpoint is lifted for the bench (lib.sh).
  W18_TOKENS=${BENCH_W18_TOKENS:-1000000}
  seeded=$(date +%s)
  "${PSQL[@]}" -d "$DB_NAME" -v n="$W18_TOKENS" -v customers="$N" -f bench/w18_seed.sql
  echo "  W18: $W18_TOKENS links seeded in $(( $(date +%s) - seeded )) s"
  export BENCH_W18_NEXT="$PWD/$RAW/w18-next.txt"    # the first link no wrk process has taken (lua/w18_answer.lua)
  echo 1 > "$BENCH_W18_NEXT"
  run_wrk W18_survey_answer w18_answer.lua /v1/survey-responses
  taken=$(( $(cat "$BENCH_W18_NEXT") - 1 ))
  echo "  W18: $taken of $W18_TOKENS links taken, $("${PSQL[@]}" -d "$DB_NAME" -At -c "select count(*) from
    survey_response where survey_id = '00000000-0000-7000-8000-0000000b0018' and status = 'completed'") answered"
  [ "$taken" -le "$W18_TOKENS" ] \
    || echo "  W18: ran out of links: the answers past link $W18_TOKENS were 404s (raise BENCH_W18_TOKENS)"
fi
if wanted W10; then
  # One SLA policy matching every ticket: each create also writes its first-response and resolution clocks.
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"W10","targets":[{"priority":"normal","firstResponse":"PT1H","resolution":"PT8H"}]}' \
    "http://127.0.0.1:$PORT/v1/sla-policies"
  pgbench_ceiling pgbench_w10 pgbench_w10.sql
  run_wrk W10_ticket w10_ticket.lua /v1/tickets
fi
W15_PROGRAM=00000000-0000-7000-8000-0000000b0015
if wanted W15 || wanted W16 || wanted W17; then
  # An account for each customer in a program without tiers or expiry; W17's spend rule earns 1 point per euro.
  "${PSQL[@]}" -d "$DB_NAME" -v n="$N" -f bench/w15_seed.sql
  "${PSQL[@]}" -d "$DB_NAME" -At -c "select id from loyalty_account where program_id = '$W15_PROGRAM'" \
    > "$RAW/w15-accounts.txt"
  export BENCH_W15_ACCOUNTS="$PWD/$RAW/w15-accounts.txt"
fi
if wanted W15; then
  pgbench_ceiling pgbench_w15 pgbench_w15.sql
  run_wrk W15_posting w15_posting.lua /v1/loyalty/accounts
fi
if wanted W16; then
  # One hot account holding more points than the run can redeem: every redemption of 1 point is posted.
  export BENCH_W16_ACCOUNT; BENCH_W16_ACCOUNT=$(head -1 "$RAW/w15-accounts.txt")
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: w16-seed-$COMMIT-$$" -d '{"type":"earn","points":100000000}' \
    "http://127.0.0.1:$PORT/v1/loyalty/accounts/$BENCH_W16_ACCOUNT/transactions"
  run_wrk W16_hot_redeem w16_redeem.lua /v1/loyalty/accounts
  # The ledger after it: no entry below zero, the balance the sum of the entries, one entry per key.
  "${PSQL[@]}" -d "$DB_NAME" -At -F, -c "select
      (select count(*) from loyalty_entry where account_id = '$BENCH_W16_ACCOUNT' and balance_after < 0),
      (select balance from loyalty_account where id = '$BENCH_W16_ACCOUNT')
        - (select sum(points) from loyalty_entry where account_id = '$BENCH_W16_ACCOUNT'),
      (select count(*) - count(distinct idempotency_key) from loyalty_entry where account_id = '$BENCH_W16_ACCOUNT'),
      (select count(*) from loyalty_entry where account_id = '$BENCH_W16_ACCOUNT' and type = 'redeem')" \
    > "$OUT/w16-checks.txt"
  echo "  W16 ledger (negative entries, balance minus sum, repeated keys, redemptions): $(cat "$OUT/w16-checks.txt")"
fi
RSS_END=$(rss_mb)
stop_service

RATE=${BENCH_W6_RATE:-500}
if wanted W6; then
echo "== W6: webhook commit-to-receipt at $RATE events/s"
# What autovacuum would have done after the writes above: it is off on the PostgreSQL servers of these machines, so
# W6 would otherwise plan with statistics from before W3's hundreds of thousands of rows.
"${PSQL[@]}" -d "$DB_NAME" -c "vacuum analyze"
RECEIVER_PORT=$((PORT + 1))
python3 bench/webhook_receiver.py "$RECEIVER_PORT" & RECEIVER=$!
WEBHOOKS=true start_service
# webhook_delivery is a queue whose claims walk past its dead index entries until VACUUM removes them; its
# migration asks autovacuum for a vacuum after 2,000 dead rows. With autovacuum off, do what it would do: look once
# per autovacuum_naptime (1 min by default) and vacuum.
VACUUMER=
if [ "$("${PSQL[@]}" -d "$DB_NAME" -At -c "show autovacuum")" = off ]; then
  naptime=$("${PSQL[@]}" -d "$DB_NAME" -At -c "select setting from pg_settings where name = 'autovacuum_naptime'")
  while sleep "$naptime"; do "${PSQL[@]}" -d "$DB_NAME" -c "vacuum webhook_delivery"; done & VACUUMER=$!
fi
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"interaction.logged\"]}" \
  "http://127.0.0.1:$PORT/v1/webhook-endpoints"
w6() { # seconds -> number of events written (interactions logged through the API at $RATE per second)
  python3 bench/w6_writer.py "$PORT" "$RATE" "$1" | tee "$RAW/w6-writer.txt" \
    | python3 -c 'import json, sys; c = json.load(sys.stdin); print(c["sent"] - c["failed"])'
}
# The service's CPU per event halves between 20 and 60 s of W6 load (JIT), so W6 warms up longer.
WARMUP=${BENCH_W6_WARMUP:-60s}
warm=$(w6 "${WARMUP%s}")
# Measure the steady state: wait (up to 120 s) until the warm-up's events have all arrived. A cold service fell
# behind the writer for its first minute here, and the backlog then filled the measured seconds.
drained=$(date +%s)
until [ "$(curl -sf "http://127.0.0.1:$RECEIVER_PORT/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin)["received"])')" -ge "$warm" ] \
  || [ $(( $(date +%s) - drained )) -ge 120 ]; do sleep 1; done
echo "  W6 warm-up: ${WARMUP}, its backlog delivered $(( $(date +%s) - drained )) s after the last write"
sleep 1; curl -sf -X DELETE "http://127.0.0.1:$RECEIVER_PORT/stats"
cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
before=$(ticks)
written=$(w6 "${DURATION%s}")
sleep 5                                  # let the last deliveries arrive
after=$(ticks)
cpu_mark
python3 - "$RATE" "$written" "$(curl -sf "http://127.0.0.1:$RECEIVER_PORT/stats")" "$before" "$after" "$(rss_mb)" \
  "${DURATION%s}" "$(cpu_split "$written" "$pg_before" "$client_before")" >> "$CSV" <<'PY'
import json, sys
rate, written, stats, before, after, rss, seconds, split = sys.argv[1:]
s = json.loads(stats)
cpu = (float(after) - float(before)) * 10 / max(int(written), 1)
print(f"W6_webhooks,{rate},{s['received'] / float(seconds):.1f},{s['p50']:.2f},{s['p99']:.2f},{s['p999']:.2f},"
      f"{int(written) - s['received']},{cpu:.3f},{rss}{split}")
PY
echo "  W6: $(tail -1 "$CSV")"
[ -n "$VACUUMER" ] && { kill "$VACUUMER" 2>/dev/null || true; }
stop_service
kill "$RECEIVER" 2>/dev/null || true; wait "$RECEIVER" 2>/dev/null || true; RECEIVER=
fi

if wanted W7; then
BANDS=${BENCH_W7_SEGMENTS:-50}
echo "== W7: writes at $RATE/s moving customers into $BANDS dynamic segments, commit-to-segment.entered receipt"
RECEIVER_PORT=$((PORT + 1))
python3 bench/webhook_receiver.py "$RECEIVER_PORT" & RECEIVER=$!
WEBHOOKS=true start_service
: > "$RAW/w7-bands.txt"
for b in $(seq 0 $((BANDS - 1))); do
  curl -sf -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"W7 band $b\",\"kind\":\"dynamic\",\"rule\":\"attributes.w7band==$b\"}" \
    "http://127.0.0.1:$PORT/v1/segments" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])' \
    >> "$RAW/w7-bands.txt"
done
python3 -c 'import json, sys; print(json.dumps({str(i): s for i, s in enumerate(open(sys.argv[1]).read().split())}))' \
  "$RAW/w7-bands.txt" > "$RAW/w7-bands.json"
until [ "$("${PSQL[@]}" -d "$DB_NAME" -At -c "select count(*) from segment where status = 'computing'")" = 0 ]; do
  sleep 0.5; done
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"segment.entered\"]}" \
  "http://127.0.0.1:$PORT/v1/webhook-endpoints"
WARMUP=${BENCH_W7_WARMUP:-20s}
next=$(python3 bench/w7_writer.py "$PORT" "$RATE" "${WARMUP%s}" 0 "$BANDS" "$RAW/w7-warmup.txt" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["next"])')
sleep 5; curl -sf -X DELETE "http://127.0.0.1:$RECEIVER_PORT/stats"
cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
before=$(ticks)
written=$(python3 bench/w7_writer.py "$PORT" "$RATE" "${DURATION%s}" "$next" "$BANDS" "$RAW/w7-writes.txt" \
  | tee "$RAW/w7-writer.txt" | python3 -c 'import json, sys; c = json.load(sys.stdin); print(c["sent"] - c["failed"])')
sleep 5                                  # let the last deliveries arrive
after=$(ticks)
cpu_mark
curl -sf "http://127.0.0.1:$RECEIVER_PORT/segment-events" > "$RAW/w7-events.json"
figures=$(python3 bench/w7_latency.py "$RAW/w7-writes.txt" "$RAW/w7-events.json" "$RAW/w7-bands.json")
python3 - "$RATE" "$written" "$figures" "$before" "$after" "$(rss_mb)" "$(cpu_split "$written" "$pg_before" "$client_before")" \
  >> "$CSV" <<'PY'
import sys
rate, written, figures, before, after, rss, split = sys.argv[1:]
received, p50, p99, p999, lost, duplicated = figures.split(",")
cpu = (float(after) - float(before)) * 10 / max(int(written), 1)
print(f"W7_segments,{rate},{received},{p50},{p99},{p999},{int(lost) + int(duplicated)},{cpu:.3f},{rss}{split}")
PY
echo "  W7: $(tail -1 "$CSV") (lost,duplicated: $(echo "$figures" | cut -d, -f5,6))"
echo "$figures" | cut -d, -f5,6 > "$RAW/w7-lost-duplicated.txt"
stop_service
kill "$RECEIVER" 2>/dev/null || true; RECEIVER=
fi

if wanted W9; then
echo "== W9: writes at $RATE/s each firing an event trigger with a condition and two actions, commit-to-trigger.fired receipt"
RECEIVER_PORT=$((PORT + 1))
python3 bench/webhook_receiver.py "$RECEIVER_PORT" & RECEIVER=$!
WEBHOOKS=true start_service
trigger=$(curl -sf -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"W9","kind":"event","eventTypes":["customer.updated"],"condition":"attributes.w7band==0;tags!=w9",
       "actions":[{"type":"addTags","settings":{"tags":["w9"]}},{"type":"webhook","settings":{"payload":{"w9":true}}}]}' \
  "http://127.0.0.1:$PORT/v1/triggers" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
echo "{\"0\": \"$trigger\"}" > "$RAW/w9-trigger.json"
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"trigger.fired\"]}" \
  "http://127.0.0.1:$PORT/v1/webhook-endpoints"
WARMUP=${BENCH_W7_WARMUP:-20s}
# customers W7 has not written (its writes would leave some already in band 0, and a write that changes nothing
# fires nothing): W9 starts half-way through the ids
next=$(python3 bench/w7_writer.py "$PORT" "$RATE" "${WARMUP%s}" $((IDS / 2)) 1 "$RAW/w9-warmup.txt" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["next"])')
sleep 5; curl -sf -X DELETE "http://127.0.0.1:$RECEIVER_PORT/stats"
cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
before=$(ticks)
written=$(python3 bench/w7_writer.py "$PORT" "$RATE" "${DURATION%s}" "$next" 1 "$RAW/w9-writes.txt" \
  | tee "$RAW/w9-writer.txt" | python3 -c 'import json, sys; c = json.load(sys.stdin); print(c["sent"] - c["failed"])')
sleep 5                                  # let the last deliveries arrive
after=$(ticks)
cpu_mark
curl -sf "http://127.0.0.1:$RECEIVER_PORT/segment-events" > "$RAW/w9-events.json"
figures=$(python3 bench/w7_latency.py "$RAW/w9-writes.txt" "$RAW/w9-events.json" "$RAW/w9-trigger.json")
actions=$("${PSQL[@]}" -d "$DB_NAME" -At -c "select status || ':' || count(*) from trigger_action_run group by status" | tr '\n' ' ')
python3 - "$RATE" "$written" "$figures" "$before" "$after" "$(rss_mb)" "$(cpu_split "$written" "$pg_before" "$client_before")" \
  >> "$CSV" <<'PY'
import sys
rate, written, figures, before, after, rss, split = sys.argv[1:]
received, p50, p99, p999, lost, duplicated = figures.split(",")
cpu = (float(after) - float(before)) * 10 / max(int(written), 1)
print(f"W9_triggers,{rate},{received},{p50},{p99},{p999},{int(lost) + int(duplicated)},{cpu:.3f},{rss}{split}")
PY
echo "  W9: $(tail -1 "$CSV") (lost,duplicated: $(echo "$figures" | cut -d, -f5,6); actions: $actions)"
echo "$actions" > "$RAW/w9-actions.txt"
stop_service
kill "$RECEIVER" 2>/dev/null || true; RECEIVER=
fi

if wanted W17; then
echo "== W17: purchases at $RATE/s earning points, commit-to-loyalty.points_earned receipt"
RECEIVER_PORT=$((PORT + 1))
python3 bench/webhook_receiver.py "$RECEIVER_PORT" & RECEIVER=$!
WEBHOOKS=true start_service
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"loyalty.points_earned\"]}" \
  "http://127.0.0.1:$PORT/v1/webhook-endpoints"
WARMUP=${BENCH_W7_WARMUP:-20s}
# the customers W7 and W9 wrote are enrolled too; W17 takes ids from three quarters on
next=$(python3 bench/w17_writer.py "$PORT" "$RATE" "${WARMUP%s}" $((IDS * 3 / 4)) "$RAW/w17-warmup.txt" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["next"])')
sleep 5; curl -sf -X DELETE "http://127.0.0.1:$RECEIVER_PORT/stats"
cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
before=$(ticks)
written=$(python3 bench/w17_writer.py "$PORT" "$RATE" "${DURATION%s}" "$next" "$RAW/w17-writes.txt" \
  | tee "$RAW/w17-writer.txt" | python3 -c 'import json, sys; c = json.load(sys.stdin); print(c["sent"] - c["failed"])')
sleep 5                                  # let the last deliveries arrive
after=$(ticks)
cpu_mark
curl -sf "http://127.0.0.1:$RECEIVER_PORT/segment-events" > "$RAW/w17-events.json"
figures=$(python3 bench/w17_latency.py "$RAW/w17-writes.txt" "$RAW/w17-events.json")
python3 - "$RATE" "$written" "$figures" "$before" "$after" "$(rss_mb)" "$(cpu_split "$written" "$pg_before" "$client_before")" \
  >> "$CSV" <<'PY'
import sys
rate, written, figures, before, after, rss, split = sys.argv[1:]
received, p50, p99, p999, lost, duplicated = figures.split(",")
cpu = (float(after) - float(before)) * 10 / max(int(written), 1)
print(f"W17_earning,{rate},{received},{p50},{p99},{p999},{int(lost) + int(duplicated)},{cpu:.3f},{rss}{split}")
PY
echo "  W17: $(tail -1 "$CSV") (lost,duplicated: $(echo "$figures" | cut -d, -f5,6))"
stop_service
kill "$RECEIVER" 2>/dev/null || true; RECEIVER=
fi

if wanted W11; then
W11_CLOCKS=${BENCH_W11_CLOCKS:-10000}
echo "== W11: $W11_CLOCKS SLA clocks falling due within one minute, due-to-ticket.sla_breached"
start_service
cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
before=$(ticks)
# Due from 15 s after seeding, over 60 s; written straight into the database, as another replica's would be: the
# scheduler learns of them from its own look for the earliest announcement still to make.
"${PSQL[@]}" -d "$DB_NAME" -v n="$W11_CLOCKS" -v start=15 -f bench/w11_clocks.sql
sleep 80
after=$(ticks)
cpu_mark
figures=$("${PSQL[@]}" -d "$DB_NAME" -At -F, -c "
  with b as (
    select e.subject_id, extract(epoch from e.occurred_at - cast(e.payload ->> 'dueAt' as timestamptz)) * 1000 as ms
    from event e join ticket t on t.id = e.subject_id
    where e.type = 'ticket.sla_breached' and t.partner_scope = 'w11')
  select count(*), count(distinct subject_id), round(cast(percentile_cont(0.5) within group (order by ms) as numeric), 1),
         round(cast(percentile_cont(0.99) within group (order by ms) as numeric), 1), round(cast(max(ms) as numeric), 1)
  from b")
echo "$figures" > "$RAW/w11.txt"
python3 - "$W11_CLOCKS" "$figures" "$before" "$after" "$(rss_mb)" "$(cpu_split "$W11_CLOCKS" "$pg_before" "$client_before")" \
  >> "$CSV" <<'PY'
import sys
clocks, figures, before, after, rss, split = sys.argv[1:]
events, distinct, p50, p99, worst = figures.split(",")
wrong = (int(clocks) - int(distinct)) + (int(events) - int(distinct))
cpu = (float(after) - float(before)) * 10 / max(int(clocks), 1)
print(f"W11_breaches,{clocks},{int(distinct) / 60:.1f},{p50},{p99},{worst},{wrong},{cpu:.3f},{rss}{split}")
PY
echo "  W11: $(tail -1 "$CSV") (events, clocks announced: $(echo "$figures" | cut -d, -f1,2))"
stop_service
fi

if wanted W12; then
W12_TICKETS=${BENCH_W12_TICKETS:-1000000}
echo "== W12: the ticket metrics over $W12_TICKETS tickets, a year by week"
seeded=$(date +%s)
"${PSQL[@]}" -d "$DB_NAME" -v n="$W12_TICKETS" -f bench/w12_seed.sql
echo "  seeded in $(( $(date +%s) - seeded )) s"
start_service
metrics_url() { # interval groupBy
  python3 -c 'import datetime, sys, urllib.parse
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
q = {"from": (now - datetime.timedelta(days=365)).isoformat(), "to": now.isoformat(), "interval": sys.argv[1]}
if sys.argv[2]: q["groupBy"] = sys.argv[2]
print(urllib.parse.urlencode(q))' "$1" "$2"
}
for group in "" team; do
  url="http://127.0.0.1:$PORT/v1/tickets/metrics?$(metrics_url week "$group")"
  for i in 1 2 3; do curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "$url"; done   # warm-up
  : > "$RAW/w12${group:+-$group}.txt"
  before=$(ticks)
  for i in $(seq 1 10); do
    curl -sf -o "$RAW/w12-answer.json" -w '%{time_total}\n' -H "Authorization: Bearer $BENCH_TOKEN" "$url" \
      >> "$RAW/w12${group:+-$group}.txt"
  done
  after=$(ticks)
  python3 - "$W12_TICKETS" "$RAW/w12${group:+-$group}.txt" "$before" "$after" "$(rss_mb)" "${group:-none}" >> "$CSV" <<'PY'
import statistics, sys
tickets, times, before, after, rss, group = sys.argv[1:]
ms = sorted(float(t) * 1000 for t in open(times).read().split())
cpu = (float(after) - float(before)) * 10 / len(ms)
name = "W12_metrics" + ("" if group == "none" else "_by_" + group)
print(f"{name},{tickets},{1000 / statistics.median(ms):.2f},{statistics.median(ms):.1f},{ms[-1]:.1f},{ms[-1]:.1f},0,{cpu:.3f},{rss},,")
PY
  echo "  $(tail -1 "$CSV")"
done
stop_service
fi

if wanted W14; then
W14_LEADS=${BENCH_W14_LEADS:-1000000}
echo "== W14: the lead metrics over $W14_LEADS leads, a year by month"
seeded=$(date +%s)
"${PSQL[@]}" -d "$DB_NAME" -v n="$W14_LEADS" -f bench/w14_seed.sql
echo "  seeded in $(( $(date +%s) - seeded )) s"
start_service
for group in "" source; do
  url="http://127.0.0.1:$PORT/v1/leads/metrics?$(python3 -c 'import datetime, sys, urllib.parse
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
q = {"from": (now - datetime.timedelta(days=365)).isoformat(), "to": now.isoformat(), "interval": "month"}
if sys.argv[1]: q["groupBy"] = sys.argv[1]
print(urllib.parse.urlencode(q))' "$group")"
  for i in 1 2 3; do curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "$url"; done   # warm-up
  : > "$RAW/w14${group:+-$group}.txt"
  before=$(ticks)
  for i in $(seq 1 10); do
    curl -sf -o "$RAW/w14-answer.json" -w '%{time_total}\n' -H "Authorization: Bearer $BENCH_TOKEN" "$url" \
      >> "$RAW/w14${group:+-$group}.txt"
  done
  after=$(ticks)
  python3 - "$W14_LEADS" "$RAW/w14${group:+-$group}.txt" "$before" "$after" "$(rss_mb)" "${group:-none}" >> "$CSV" <<'PY'
import statistics, sys
leads, times, before, after, rss, group = sys.argv[1:]
ms = sorted(float(t) * 1000 for t in open(times).read().split())
cpu = (float(after) - float(before)) * 10 / len(ms)
name = "W14_lead_metrics" + ("" if group == "none" else "_by_" + group)
print(f"{name},{leads},{1000 / statistics.median(ms):.2f},{statistics.median(ms):.1f},{ms[-1]:.1f},{ms[-1]:.1f},0,{cpu:.3f},{rss},,")
PY
  echo "  $(tail -1 "$CSV")"
done
stop_service
fi

if wanted W19; then
W19_RESPONSES=${BENCH_W19_RESPONSES:-1000000}
echo "== W19: the survey metrics over $W19_RESPONSES completed responses, a year by week"
seeded=$(date +%s)
"${PSQL[@]}" -d "$DB_NAME" -v n="$W19_RESPONSES" -v customers="$N" -f bench/w19_seed.sql
echo "  seeded in $(( $(date +%s) - seeded )) s"
start_service
read -r from to < <(python3 -c 'import datetime
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
print((now - datetime.timedelta(days=365)).isoformat(), now.isoformat())')
url="http://127.0.0.1:$PORT/v1/surveys/metrics?$(python3 -c 'import sys, urllib.parse
print(urllib.parse.urlencode({"from": sys.argv[1], "to": sys.argv[2], "interval": "week"}))' "$from" "$to")"
for i in 1 2 3; do curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "$url"; done   # warm-up
: > "$RAW/w19.txt"
before=$(ticks)
for i in $(seq 1 10); do
  curl -sf -o "$RAW/w19-answer.json" -w '%{time_total}\n' -H "Authorization: Bearer $BENCH_TOKEN" "$url" >> "$RAW/w19.txt"
done
after=$(ticks)
python3 - "$W19_RESPONSES" "$RAW/w19.txt" "$before" "$after" "$(rss_mb)" >> "$CSV" <<'PY'
import math, statistics, sys
responses, times, before, after, rss = sys.argv[1:]
ms = sorted(float(t) * 1000 for t in open(times).read().split())
cpu = (float(after) - float(before)) * 10 / len(ms)
p99 = ms[math.ceil(0.99 * len(ms)) - 1]   # nearest rank: of ten, the slowest
print(f"W19_survey_metrics,{responses},{1000 / statistics.median(ms):.2f},{statistics.median(ms):.1f},{p99:.1f},{ms[-1]:.1f},0,{cpu:.3f},{rss},,")
PY
echo "  $(tail -1 "$CSV")"
stop_service
# The plan of the endpoint's statement over the same range, into the run's folder.
"${PSQL[@]}" -d "$DB_NAME" -v from="$from" -v to="$to" -f bench/w19_explain.sql > "$OUT/w19-explain.txt"
echo "  plans: $OUT/w19-explain.txt"
fi

if wanted W8; then
echo "== W8: computing one segment over all $N customers"
start_service
rss_before=$(rss_mb)
python3 bench/w8_compute.py "$PORT" "$ADMIN_TOKEN" | tee "$RAW/w8.txt"
rss_after=$(rss_mb)
while read -r name seconds members; do
  echo "$name,$N,$(python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$N" "$seconds"),,,,0,,$rss_after,," >> "$CSV"
  echo "  $name: $seconds s over $N customers, $members members; RSS $rss_before MB before, $rss_after MB after"
done < "$RAW/w8.txt"
stop_service
fi

if wanted W20; then
W20_ROWS=${BENCH_W20_ROWS:-1000000}
echo "== W20: importing $W20_ROWS customers from NDJSON, sent in parts of up to 1 MB"
start_service
cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
before=$(ticks)
python3 bench/w20_import.py "$PORT" "$ADMIN_TOKEN" "$W20_ROWS" "$PID" | tee "$RAW/w20.txt"
after=$(ticks)
cpu_mark
read -r status rows parts upload apply created updated failed rss_max rss_start < "$RAW/w20.txt"
python3 - "$rows" "$upload" "$apply" "$failed" "$before" "$after" "$rss_max" \
  "$(cpu_split "$rows" "$pg_before" "$client_before")" >> "$CSV" <<'PY'
import sys
rows, upload, apply, failed, before, after, rss, split = sys.argv[1:]
total = float(upload) + float(apply)
cpu = (float(after) - float(before)) * 10 / int(rows)   # service CPU per row, ms
# throughput: rows per second from the first part sent to the last row applied; p50 and p99 columns hold the
# seconds of sending and of applying (in ms), p999 the whole
print(f"W20_import,{rows},{int(rows) / total:.1f},{float(upload) * 1000:.0f},{float(apply) * 1000:.0f},"
      f"{total * 1000:.0f},{failed},{cpu:.3f},{rss}{split}")
PY
echo "  $status: $rows rows in $parts parts, sent in $upload s, applied in $apply s ($created created," \
  "$updated updated, $failed failed); service RSS $rss_start MB at the start, at most $rss_max MB"
echo "  $(tail -1 "$CSV")"
stop_service
fi

# Last: its customers would otherwise be in W8's segment and the other workloads' customer lists.
if wanted W21; then
W21_CUSTOMERS=${BENCH_W21_CUSTOMERS:-1000000}
W21_PAGES=${BENCH_W21_PAGES:-10}
echo "== W21: the duplicate report over $W21_CUSTOMERS customers, the first page and $W21_PAGES more"
seeded=$(date +%s)
"${PSQL[@]}" -d "$DB_NAME" -v n="$W21_CUSTOMERS" -f bench/w21_seed.sql
echo "  seeded in $(( $(date +%s) - seeded )) s"
start_service
url="http://127.0.0.1:$PORT/v1/customers/duplicates?limit=100"
# w21_page url times: one page into raw/w21-answer.json, its seconds appended to times; fails on an error answer.
w21_page() {
  local seconds
  seconds=$(curl -sf -o "$RAW/w21-answer.json" -w '%{time_total}' -H "Authorization: Bearer $BENCH_TOKEN" "$1") \
    || return 1
  echo "$seconds" >> "$2"
}
# w21_walk first-times next-times: the first page, then up to W21_PAGES more following each page's nextCursor
# (base64url: it goes into the URL as it is). A walk that stops early (an error, or the report's end) leaves fewer
# lines, which the CSV counts as errors.
w21_walk() {
  local page=0 cursor
  w21_page "$url" "$1" || return 0
  while [ "$page" -lt "$W21_PAGES" ]; do
    cursor=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["nextCursor"] or "")' \
             "$RAW/w21-answer.json")
    [ -n "$cursor" ] && w21_page "$url&after=$cursor" "$2" || break
    page=$((page + 1))
  done
}
for i in 1 2 3; do w21_walk /dev/null /dev/null; done   # warm-up
: > "$RAW/w21-first.txt"; : > "$RAW/w21-next.txt"
cpu_mark; pg_before=$PG_MARK client_before=$CLIENT_MARK
before=$(ticks)
for i in $(seq 1 10); do w21_walk "$RAW/w21-first.txt" "$RAW/w21-next.txt"; done
after=$(ticks)
cpu_mark
pages=$(( $(wc -l < "$RAW/w21-first.txt") + $(wc -l < "$RAW/w21-next.txt") ))
python3 - "$W21_CUSTOMERS" "$W21_PAGES" "$RAW/w21-first.txt" "$RAW/w21-next.txt" "$before" "$after" "$(rss_mb)" \
  "$(cpu_split "$pages" "$pg_before" "$client_before")" >> "$CSV" <<'PY'
import math, statistics, sys
customers, pages, first, following, before, after, rss, split = sys.argv[1:]
walks = 10
times = {name: sorted(float(t) * 1000 for t in open(path).read().split())
         for name, path in (("first", first), ("next", following))}
cpu = (float(after) - float(before)) * 10 / max(len(times["first"]) + len(times["next"]), 1)   # per page, all pages
for name, ms in times.items():
    missing = (walks if name == "first" else walks * int(pages)) - len(ms)
    if not ms:
        print(f"W21_duplicates_{name},{customers},,,,,{missing},{cpu:.3f},{rss}{split}")
        continue
    p99 = ms[math.ceil(0.99 * len(ms)) - 1]   # nearest rank: of ten first pages the slowest, of 100 next the 99th
    # first pages: 1000 / p50, as W19; next pages: the rate of a client following nextCursor, pages / their seconds
    rate = 1000 / statistics.median(ms) if name == "first" else len(ms) * 1000 / sum(ms)
    print(f"W21_duplicates_{name},{customers},{rate:.2f},{statistics.median(ms):.1f},{p99:.1f},{ms[-1]:.1f},"
          f"{missing},{cpu:.3f},{rss}{split}")
PY
tail -2 "$CSV" | sed 's/^/  /'
stop_service
# The plans of the first page's statement, and of the next page's after it, into the run's folder.
"${PSQL[@]}" -d "$DB_NAME" -f bench/w21_explain.sql > "$OUT/w21-explain.txt"
echo "  plans: $OUT/w21-explain.txt"
fi

if [ -n "${BENCH_JFR:-}" ]; then
  for f in "$RAW"/service-*.jfr; do echo "== profile $f"; python3 bench/jfr_top.py "$f" > "$f.txt"; head -60 "$f.txt"; done
fi
python3 bench/report.py "$OUT" "$N" "$DURATION" "$STARTUP_LOADED" "$RSS_END" "$SEED_SECONDS" "$PG_MAX_CLIENTS" \
  "${BENCH_JAVA_OPTS:--Xmx256m}" "$DB_POOL" "$COMMIT"
for chart in throughput p99; do [ ! -f "$OUT/$chart.gp" ] || gnuplot "$OUT/$chart.gp"; done
echo "== report: $OUT/report.md"
