#!/usr/bin/env bash
# Memory of a developer's run once idle: RSS, PSS (shared pages split between the processes sharing them) and USS (the
# process's own pages) of each .NET service, then of Aspire's own processes and of the servers. Starts ./run.sh, waits
# until everything is ready, then IDLE seconds more. Usage: bench/memory.sh [IDLE=60]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/run-system.sh
idle=${1:-60}

log=$(mktemp)
start_system "$log"
trap 'stop_system; rm -f "$log"' EXIT
wait_ready "$log"
echo "ready; idle for $idle s"
sleep "$idle"

kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$2/smaps_rollup"; }
row() {
  local pid=$1 name=$2
  local rss pss uss
  rss=$(kb Rss "$pid"); pss=$(kb Pss "$pid"); uss=$(( $(kb Private_Clean "$pid") + $(kb Private_Dirty "$pid") ))
  printf '%-22s %7d %7d %7d\n' "$name" $((rss / 1024)) $((pss / 1024)) $((uss / 1024))
}
printf '%-22s %7s %7s %7s\n' "process" "RSS MB" "PSS MB" "USS MB"
for service in Identity Onboarding Dossier Finance Notification Web Gateway; do
  for pid in $(pgrep -f "/bin/Release/net10.0/Opco.$service\$" || true); do row "$pid" "$service"; done
done
echo "-- Aspire"
for pid in $(pgrep -f "Opco.AppHost.dll" || true); do row "$pid" "AppHost"; done
for pid in $(pgrep -f "Aspire.Dashboard" || true); do row "$pid" "dashboard"; done
for pid in $(pgrep -f "tools/dcp (start-apiserver|run-controllers)" || true); do row "$pid" "dcp"; done
monitors=$(pgrep -f "tools/dcp monitor-process" | wc -l)
echo "($monitors dcp monitor-process helpers not listed)"
echo "-- servers"
for pid in $(pgrep -x beam.smp || true); do row "$pid" "rabbitmq"; done
for pid in $(pgrep -f "maildev.js" || true); do row "$pid" "maildev"; done
