#!/usr/bin/env bash
# Runs every SafetyPlatform test on a fresh machine with the .NET 10 SDK and Node.js:
# installs the local tools (Azurite, buf) from package-lock.json, lints the protos, then
# builds and runs all test projects. The tests start and stop Azurite, the silo and the
# gateway themselves, on 127.0.0.1 with free ports and temporary folders.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -x node_modules/.bin/azurite-table || ! -x node_modules/.bin/buf || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "==> installing Azurite and buf (npm ci)"
  npm ci --no-audit --no-fund
fi

echo "==> buf lint protos"
node_modules/.bin/buf lint protos

echo "==> dotnet test (Release)"
dotnet test SafetyPlatform.sln -c Release "$@"
