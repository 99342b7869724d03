#!/usr/bin/env bash
# Builds the AppHost and everything it starts, unless no source changed since the last build: a no-op `dotnet build`
# of the whole tree costs several seconds on two cores, on every start.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=AppHost/bin/Release/.built
sources=(AppHost ServiceDefaults services gateway Directory.Build.props Directory.Packages.props global.json)
# Directories count too: deleting or adding a file changes its folder's time.
if [ -f "$stamp" ] && [ -z "$(find "${sources[@]}" \( -name bin -o -name obj -o -name node_modules \) -prune -o -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
dotnet build AppHost/Opco.AppHost.csproj -c Release -p:UseSharedCompilation=true -v quiet -nologo -clp:NoSummary
touch "$stamp"
