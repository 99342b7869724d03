#!/usr/bin/env bash
# The home page's server-side data (every API call the page makes, as it makes them) on the demo data, as the demo manager.
# Options: --pages 1000 --warmup 30 (seconds) --dossiers 30 --contracts 10
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
# No compiler server: run under a lock (flock), it would inherit the lock and hold it for minutes after the run.
dotnet build bench/HomeBench/Opco.Bench.Home.csproj -c Release -nologo -v quiet -p:UseSharedCompilation=false
exec dotnet bench/HomeBench/bin/Release/net10.0/Opco.Bench.Home.dll "$@"
