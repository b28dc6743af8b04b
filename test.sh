#!/usr/bin/env bash
# Runs every test of the repository: the .NET suites (SDK surface conformance, engine, plugins, tooling).
# Usage: ./test.sh            (from the repository root; needs the .NET 10 SDK)
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build CrmCollab.sln -c Release -nologo -v quiet
set +e
dotnet test CrmCollab.sln -c Release --no-build -nologo -v quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test assemblies, e.g. "412 passed, 0 failed".
awk '/(Passed|Failed)! +- Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
