#!/usr/bin/env bash
# Employee import benchmark on the real stack. Options: --lines 10000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
dotnet build bench/DossierBench/Opco.Bench.Dossier.csproj -c Release -nologo -v quiet -p:UseSharedCompilation=true
exec dotnet bench/DossierBench/bin/Release/net10.0/Opco.Bench.Dossier.dll import "$@"
