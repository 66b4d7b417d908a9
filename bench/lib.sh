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

# start_rapport app-dir log public-key [java options...]: starts app-dir/quarkus-run.jar on $PORT against
# $DB_HOST:$DB_PORT/$DB_NAME as $DB_USER, webhooks on when WEBHOOKS=true; waits until it is ready and sets
# RAPPORT_PID and STARTUP_MS. Exits the calling script if the service dies first.
start_rapport() {
  local app=$1 log=$2 key=$3 started
  shift 3
  started=$(date +%s%N)
  DB_HOST=$DB_HOST DB_PORT=$DB_PORT DB_USER=$DB_USER DB_NAME=$DB_NAME DB_PASSWORD=${PGPASSWORD:-} \
  QUARKUS_OIDC_PUBLIC_KEY=$key QUARKUS_OIDC_TOKEN_ISSUER=https://bench.rapport/realms/rapport \
  RAPPORT_RATE_LIMIT_ENABLED=false RAPPORT_WEBHOOKS_ENABLED=${WEBHOOKS:-false} QUARKUS_HTTP_PORT=$PORT \
  RAPPORT_WEBHOOKS_ALLOW_HTTP=true RAPPORT_WEBHOOKS_ALLOWED_NETWORKS=127.0.0.1/32 \
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
