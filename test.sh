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
# A test that hangs fails after 10 minutes with a dump of every process it started, instead of
# stalling CI (every call also has a deadline, so this is the last line of defence).
dotnet test SafetyPlatform.sln -c Release --blame-hang-timeout 10m --blame-hang-dump-type mini "$@"
