#!/usr/bin/env bash
# Runs every test of the repository: the .NET suites (SDK surface conformance, engine, plugins, tooling, CLI),
# then the web resources' unit tests, a rebuild check and the real-browser test.
# Usage: ./test.sh   (from the repository root; needs the .NET 10 SDK, Node.js 20+, chromium and xmllint)
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build CrmCollab.sln -c Release -nologo -v quiet
set +e
dotnet test CrmCollab.sln -c Release --no-build -nologo -v quiet 2>&1 | tee "$log"
dotnet_status=${PIPESTATUS[0]}

(cd webresources && npm ci --no-audit --no-fund --loglevel=error) 2>&1 | tee -a "$log"
npm_status=${PIPESTATUS[0]}
# Unit tests first: one of them compares the committed web resources with a fresh in-memory build.
(cd webresources && npm test) 2>&1 | tee -a "$log"
web_status=${PIPESTATUS[0]}
(cd webresources && npm run build && git diff --exit-code -- ../solution/WebResources) 2>&1 | tee -a "$log"
build_status=${PIPESTATUS[0]}
(cd webresources && npm run test:browser) 2>&1 | tee -a "$log"
browser_status=${PIPESTATUS[0]}
set -e

# One closing line over every suite, e.g. "612 passed, 0 failed, 0 skipped".
awk '/(Passed|Failed)! +- Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     /^[0-9]+ passed, [0-9]+ failed/ { gsub(",", ""); p += $1; f += $3; if ($5 != "") s += $5 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"

for status in "$dotnet_status" "$npm_status" "$web_status" "$build_status" "$browser_status"; do
  [ "$status" -eq 0 ] || exit 1
done
