# Shared by bench/run.sh and bench/ab.sh (sourced, not run): bearer tokens signed by the run's key, and starting the
# packaged service in prod mode against the benchmark database.

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# bench_jwt key.pem role: an RS256 access token for the bench issuer, valid for two hours.
bench_jwt() {
  local header payload signature now
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"https://bench.rapport/realms/rapport","aud":"rapport-api","sub":"bench","preferred_username":"bench","iat":%d,"exp":%d,"realm_access":{"roles":["%s"]}}' "$now" $((now + 7200)) "$2" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$1" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}

# bench_public_key key.pem: the key in the form QUARKUS_OIDC_PUBLIC_KEY takes.
bench_public_key() { openssl rsa -in "$1" -pubout -outform DER 2>/dev/null | base64 -w0; }

# The service's connection pool: BENCH_DB_POOL_SIZE, default 8. The database here shares the same 2 cores, and more
# connections than about four per core only make its backends compete for them (bench/FINDINGS.md, 2026-11-24 6afcc22).
DB_POOL=${BENCH_DB_POOL_SIZE:-8}

# start_rapport app-dir log public-key [java options...]: starts app-dir/quarkus-run.jar on $PORT against
# $DB_HOST:$DB_PORT/$DB_NAME as $DB_USER with $DB_POOL connections, webhooks on when WEBHOOKS=true; waits until it
# is ready and sets RAPPORT_PID and STARTUP_MS. Exits the calling script if the service dies first. The public survey
# answering endpoint's limit per client address (120 a minute by default) is lifted: every answer of W18 comes from
# 127.0.0.1.
start_rapport() {
  local app=$1 log=$2 key=$3 started
  shift 3
  started=$(date +%s%N)
  DB_HOST=$DB_HOST DB_PORT=$DB_PORT DB_USER=$DB_USER DB_NAME=$DB_NAME DB_PASSWORD=${PGPASSWORD:-} \
  DB_POOL_SIZE=$DB_POOL \
  QUARKUS_OIDC_PUBLIC_KEY=$key QUARKUS_OIDC_TOKEN_ISSUER=https://bench.rapport/realms/rapport \
  RAPPORT_RATE_LIMIT_ENABLED=false RAPPORT_WEBHOOKS_ENABLED=${WEBHOOKS:-false} QUARKUS_HTTP_PORT=$PORT \
  RAPPORT_WEBHOOKS_ALLOW_HTTP=true RAPPORT_WEBHOOKS_ALLOWED_NETWORKS=127.0.0.1/32 \
  RAPPORT_SURVEYS_ADDRESS_PER_MINUTE=100000000 \
    java "$@" -jar "$app/quarkus-run.jar" > "$log" 2>&1 &
  RAPPORT_PID=$!
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
    kill -0 "$RAPPORT_PID" 2>/dev/null || { echo "service died"; tail -20 "$log"; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# Service CPU time in clock ticks (100 per second) and resident memory in MB of a process.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mb_of() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# postmaster_pid: the process id of the PostgreSQL server at $DB_HOST:$DB_PORT when it runs on this machine (from its
# data directory's postmaster.pid), or nothing when it cannot be read (a server elsewhere).
postmaster_pid() {
  local dir pid
  dir=$(psql -X -At -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "show data_directory" 2>/dev/null) || return 0
  pid=$(head -1 "$dir/postmaster.pid" 2>/dev/null) || return 0
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && echo "$pid"
  return 0
}

# pg_ticks postmaster-pid: PostgreSQL's CPU time in clock ticks: the postmaster's own and its reaped children's (a
# pgbench run's backends end before the next reading) plus its live children's (the service's pooled connections).
pg_ticks() {
  [ -n "$1" ] || return 0
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat"
    for child in $(pgrep -P "$1"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk '{sum += $1} END {print sum}'
}

# read_child_ticks: sets CHILD_TICKS to the CPU time in clock ticks of the calling shell's finished children (wrk,
# pgbench), from bash's times builtin; call it directly, not in $(...), whose subshell has children of its own.
read_child_ticks() {
  local file
  file=$(mktemp)
  times > "$file"
  CHILD_TICKS=$(awk 'NR == 2 {for (i = 1; i <= 2; i++) {split($i, t, /[ms]/); sum += t[1] * 60 + t[2]}}
                     END {printf "%d", sum * 100}' "$file")
  rm -f "$file"
}
