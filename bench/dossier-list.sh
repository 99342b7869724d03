#!/usr/bin/env bash
# "Mes dossiers" list benchmark on the real stack. Options: --dossiers 100000 --establishments 100 --queries 600
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
dotnet build bench/DossierBench/Opco.Bench.Dossier.csproj -c Release -nologo -v quiet -p:UseSharedCompilation=true
exec dotnet bench/DossierBench/bin/Release/net10.0/Opco.Bench.Dossier.dll list "$@"
