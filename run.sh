#!/usr/bin/env bash
# Starts the whole portal on .NET Aspire: installs what is missing, builds what changed, then runs the AppHost.
# The portal is http://localhost:8080; the console prints the Aspire dashboard's login link. Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/install-prerequisites.sh
scripts/build-if-changed.sh

# Development: the developers' run mode (the dashboard, user secrets for the generated passwords, demo data).
export DOTNET_ENVIRONMENT=Development
export ASPNETCORE_URLS=http://localhost:18888
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889
# Plain HTTP on loopback; the dashboard still asks for the login token it prints.
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
# W^X (executable memory never writable) maps the JIT's code twice; on a developer's loopback-only run its cost, about a
# tenth of every .NET process's start-up CPU, buys nothing, and the start is CPU-bound. Tests and deployments keep it.
export DOTNET_EnableWriteXorExecute=0
# No network here to ask for newer Aspire versions.
export ASPIRE_VERSION_CHECK_DISABLED=true
exec dotnet AppHost/bin/Release/net10.0/Opco.AppHost.dll "$@"
