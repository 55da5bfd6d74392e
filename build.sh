#!/usr/bin/env bash
# Bootstraps and runs the Cake build. Needs only the .NET 10 SDK.
#   ./build.sh [--target Report] [--config configs/demo.yaml] [--set section.key=value ...] [--force]
#   ./build.sh --target Sweep --config <variants or a folder> [--set "seeds=[1, 2, 3]"] --profile local|slurm [--jobs N] [--wait]
# Paths are relative to the repository root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Cake keeps the compiled script between runs (a few seconds saved on every call).
export CAKE_SETTINGS_ENABLESCRIPTCACHE=true
dotnet tool restore >/dev/null
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
dotnet cake build/build.cake "$@"
# The Report task leaves the page's path in artifacts/last-report.txt: say it last, where a newcomer looks.
if [ artifacts/last-report.txt -nt "$marker" ]; then
  echo "Report: $(cat artifacts/last-report.txt)"
fi
