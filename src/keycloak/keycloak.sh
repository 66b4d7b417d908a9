#!/usr/bin/env bash
# Runs Keycloak with the Rapport demo realm on http://localhost:8180 for local development.
#   src/keycloak/keycloak.sh          start it in the foreground (Ctrl-C stops it)
# Then, in another terminal:   ./mvnw quarkus:dev -Dquarkus.profile=dev,keycloak
# The distribution comes from Maven Central through the Maven wrapper (cached in ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
home="target/keycloak/keycloak-${version}"
if [ ! -x "${home}/bin/kc.sh" ]; then
  ./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:${version}:zip" -DoutputDirectory=target/keycloak
  chmod +x "${home}/bin/kc.sh"
fi
rm -rf "${home}/data"
mkdir -p "${home}/data/import"
cp src/keycloak/rapport-realm.json "${home}/data/import/"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec "${home}/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="${KEYCLOAK_PORT:-8180}" --import-realm
