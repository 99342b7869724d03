#!/usr/bin/env bash
# Builds the solution and starts the whole portal locally (gateway on http://localhost:8080).
# Options are passed to the AppHost: ./run.sh --help
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/install-prerequisites.sh
dotnet build Opco.Aspire.sln -c Release -p:UseSharedCompilation=true -v quiet -nologo -clp:NoSummary
exec dotnet AppHost/bin/Release/net10.0/Opco.AppHost.dll --mode run --state-file .data/state.json "$@"
