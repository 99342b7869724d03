#!/usr/bin/env bash
# "Mes comptes" benchmark on the real stack: the synthesis and an account's detail with 100,000 ledger lines.
# Options: --lines 100000 --queries 600
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
dotnet build bench/FinanceBench/Opco.Bench.Finance.csproj -c Release -nologo -v quiet -p:UseSharedCompilation=true
exec dotnet bench/FinanceBench/bin/Release/net10.0/Opco.Bench.Finance.dll "$@"
