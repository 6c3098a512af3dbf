#!/usr/bin/env bash
# Starts SafetyPlatform locally on 127.0.0.1: Azurite (table storage, data under
# .local/azurite), N silos and the gateway. Ctrl-C stops the gateway, the silos, then Azurite.
#
# Environment (all optional):
#   GATEWAY_PORT=5100   gRPC port of the gateway (the one address clients use)
#   SILO_PORT=5101      gRPC port of the first silo; silo i uses SILO_PORT+i
#   ORLEANS_PORT=11111  Orleans silo-to-silo port of the first silo; silo i uses ORLEANS_PORT+i
#   TABLE_PORT=10002    Azurite table service port
#   SILOS=1             number of silos
#   DATA_DIR=.local     where Azurite's data and the logs go
set -euo pipefail
# Job control puts each child in its own process group, so Ctrl-C reaches only this script,
# which then stops the children in order (gateway, silos, Azurite) instead of all at once.
set -m
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

GATEWAY_PORT="${GATEWAY_PORT:-5100}"
SILO_PORT="${SILO_PORT:-5101}"
ORLEANS_PORT="${ORLEANS_PORT:-11111}"
TABLE_PORT="${TABLE_PORT:-10002}"
SILOS="${SILOS:-1}"
DATA_DIR="${DATA_DIR:-$ROOT/.local}"
mkdir -p "$DATA_DIR/azurite" "$DATA_DIR/logs"

if [[ ! -x node_modules/.bin/azurite-table || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "==> installing Azurite and buf (npm ci)"
  npm ci --no-audit --no-fund
fi

echo "==> building the silo, the gateway and the local token issuer (Release)"
dotnet build services/SafetyPlatform.Silo -c Release -v quiet -nologo
dotnet build services/SafetyPlatform.Gateway -c Release -v quiet -nologo
dotnet build services/SafetyPlatform.Tokens -c Release -v quiet -nologo

# Every call needs a token. Locally the platform trusts a key of its own (kept with the data);
# deploy/local/token.sh mints tokens with it. Production uses an OpenID Connect provider instead.
SECURITY_DIR="$DATA_DIR/security"
mkdir -p "$SECURITY_DIR"
if [[ ! -f "$SECURITY_DIR/issuer-key.pem" ]]; then
  deploy/local/token.sh init --key "$SECURITY_DIR/issuer-key.pem" --keys "$SECURITY_DIR/signing-keys.json" >/dev/null
fi
# The audit log's HMAC key: kept with the data here; in production, a secret outside the storage account.
if [[ ! -f "$SECURITY_DIR/audit.key" ]]; then
  (umask 077 && head -c 32 /dev/urandom | base64 >"$SECURITY_DIR/audit.key")
fi
SECURITY_ENV=("Security__SigningKeysFile=$SECURITY_DIR/signing-keys.json" "Security__Reflection=true")

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$GATEWAY_PORT" "$TABLE_PORT" $(for ((i = 0; i < SILOS; i++)); do echo $((SILO_PORT + i)) $((ORLEANS_PORT + i)); done); do
  if in_use "$port"; then
    echo "port $port on 127.0.0.1 is already in use (is the platform already running?); set the *_PORT variables" >&2
    exit 1
  fi
done

AZURITE_PID=""
SILO_PIDS=()
GATEWAY_PID=""

stop() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping gateway, silos, then Azurite"
  [[ -n "$GATEWAY_PID" ]] && kill "$GATEWAY_PID" 2>/dev/null && wait "$GATEWAY_PID" 2>/dev/null || true
  for pid in "${SILO_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SILO_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -n "$AZURITE_PID" ]] && kill "$AZURITE_PID" 2>/dev/null && wait "$AZURITE_PID" 2>/dev/null || true
  echo "==> stopped"
}
trap stop INT TERM EXIT

echo "==> starting Azurite on 127.0.0.1:$TABLE_PORT (data in $DATA_DIR/azurite)"
node node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" \
  --location "$DATA_DIR/azurite" --silent --disableTelemetry >"$DATA_DIR/logs/azurite.log" 2>&1 &
AZURITE_PID=$!
for _ in $(seq 1 300); do
  in_use "$TABLE_PORT" && break
  sleep 0.1
done

STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
SILO_BIN="$ROOT/services/SafetyPlatform.Silo/bin/Release/net10.0"
GATEWAY_BIN="$ROOT/services/SafetyPlatform.Gateway/bin/Release/net10.0"
GATEWAY_ENV=()

for ((i = 0; i < SILOS; i++)); do
  port=$((SILO_PORT + i))
  echo "==> starting silo $i: gRPC on 127.0.0.1:$port, Orleans on 127.0.0.1:$((ORLEANS_PORT + i))"
  (cd "$SILO_BIN" && exec env Urls="http://127.0.0.1:$port" Storage__ConnectionString="$STORAGE" \
    Orleans__SiloPort=$((ORLEANS_PORT + i)) Orleans__GatewayPort=0 "${SECURITY_ENV[@]}" Security__AuditKeyFile="$SECURITY_DIR/audit.key" \
    dotnet SafetyPlatform.Silo.dll) >"$DATA_DIR/logs/silo-$i.log" 2>&1 &
  SILO_PIDS+=($!)
  GATEWAY_ENV+=("Gateway__Silos__$i=http://127.0.0.1:$port")
done
for ((i = 0; i < SILOS; i++)); do
  node deploy/local/wait-healthy.mjs "http://127.0.0.1:$((SILO_PORT + i))" 120 || { tail -n 40 "$DATA_DIR/logs/silo-$i.log"; exit 1; }
done

echo "==> starting the gateway on 127.0.0.1:$GATEWAY_PORT"
(cd "$GATEWAY_BIN" && exec env Urls="http://127.0.0.1:$GATEWAY_PORT" "${GATEWAY_ENV[@]}" "${SECURITY_ENV[@]}" \
  dotnet SafetyPlatform.Gateway.dll) >"$DATA_DIR/logs/gateway.log" 2>&1 &
GATEWAY_PID=$!
node deploy/local/wait-healthy.mjs "http://127.0.0.1:$GATEWAY_PORT" 60 || { tail -n 40 "$DATA_DIR/logs/gateway.log"; exit 1; }

(umask 077 && deploy/local/token.sh mint --key "$SECURITY_DIR/issuer-key.pem" --subject people/local-admin --role platform_admin \
  --team '*' --queue '*' --hours 24 >"$SECURITY_DIR/admin.token")

cat <<MSG

SafetyPlatform is up. Gateway: http://127.0.0.1:$GATEWAY_PORT   (logs in $DATA_DIR/logs)
A platform admin's token (24 h) is in $SECURITY_DIR/admin.token; mint others with deploy/local/token.sh.

Try it (server reflection, no proto files needed):
  TOKEN=\$(cat $SECURITY_DIR/admin.token)
  npx buf curl --protocol grpc --http2-prior-knowledge -H "authorization: Bearer \$TOKEN" \\
    --data '{"teamId":"dublin-hate","team":{"displayName":"Hate speech EN","timeZone":"Europe/Dublin"}}' \\
    http://127.0.0.1:$GATEWAY_PORT/safety.roster.v1.RosterService/CreateTeam
  npx buf curl --protocol grpc --http2-prior-knowledge -H "authorization: Bearer \$TOKEN" --data '{"name":"teams/dublin-hate"}' \\
    http://127.0.0.1:$GATEWAY_PORT/safety.roster.v1.RosterService/GetTeam

Press Ctrl-C to stop.
MSG
wait "$GATEWAY_PID"
