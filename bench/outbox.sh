#!/usr/bin/env bash
# Outbox benchmark on the real stack. Options: --rate 200 --seconds 30 --warmup 30 --backlog 20000
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
dotnet build bench/OutboxBench/Opco.Bench.Outbox.csproj -c Release -nologo -v quiet -p:UseSharedCompilation=true
# The probe consumer takes 48 messages at once (the default, 16, tops out near 230 events/s on two cores).
export Messaging__Inbox__ConcurrentMessageLimit=${Messaging__Inbox__ConcurrentMessageLimit:-48}
exec dotnet bench/OutboxBench/bin/Release/net10.0/Opco.Bench.Outbox.dll "$@"
