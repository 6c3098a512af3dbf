#!/usr/bin/env bash
# The local token issuer (development only). Mint a token with the key deploy/local/start.sh made:
#   deploy/local/token.sh mint --key .local/security/issuer-key.pem --subject specialists/aoife --team dublin-hate
#   deploy/local/token.sh mint --key .local/security/issuer-key.pem --subject people/omar --role team_lead --team dublin-hate
#   deploy/local/token.sh mint --key .local/security/issuer-key.pem --subject clients/moderation-tool --queue hate-en
# Scopes default to what the roles hold (docs/SECURITY.md); name them with --scope to narrow a token.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="$ROOT/services/SafetyPlatform.Tokens/bin/Release/net10.0/safety-token.dll"
if [[ ! -f "$BIN" ]]; then
  dotnet build "$ROOT/services/SafetyPlatform.Tokens" -c Release -v quiet -nologo >&2
fi
exec dotnet "$BIN" "$@"
