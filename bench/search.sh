#!/usr/bin/env bash
# Company search benchmark on the real stack. Options: --companies 100000 --queries 600
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
dotnet build bench/SearchBench/Opco.Bench.Search.csproj -c Release -nologo -v quiet -p:UseSharedCompilation=true
exec dotnet bench/SearchBench/bin/Release/net10.0/Opco.Bench.Search.dll "$@"
