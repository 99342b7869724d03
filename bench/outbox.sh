#!/usr/bin/env bash
# Outbox benchmark on the real stack. Options: --rate 200 --seconds 30 --warmup 30 --backlog 20000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
dotnet build bench/OutboxBench/Opco.Bench.Outbox.csproj -c Release -nologo -v quiet -p:UseSharedCompilation=true
exec dotnet bench/OutboxBench/bin/Release/net10.0/Opco.Bench.Outbox.dll "$@"
