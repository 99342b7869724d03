#!/usr/bin/env bash
# Re-drives an endpoint's error queue after a fix: scripts/redrive.sh <queue>, while ./run.sh is running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec dotnet tools/Redrive/bin/Release/net10.0/Opco.Redrive.dll "$@"
