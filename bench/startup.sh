#!/usr/bin/env bash
# Start-up of a developer's run (built, data kept): seconds from ./run.sh to the gateway healthy, and each resource's
# readiness as the AppHost reports it (seconds since the AppHost started), over N starts after one uncounted start
# (which may build and create the data). Usage: bench/startup.sh [N=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/run-system.sh
runs=${1:-3}

declare -A ready
totals=()
for run in $(seq 0 "$runs"); do
  log=$(mktemp)
  start_system "$log"
  wait_ready "$log"
  if [ "$run" -gt 0 ]; then
    totals+=("$(echo "$RUN_HEALTHY - $RUN_STARTED" | bc)")
    while read -r name seconds; do ready[$name]+=" $seconds"; done < <(sed -n 's/.* \([a-z-]*\) ready (\([0-9.]*\) s)$/\1 \2/p' "$log")
    echo "run $run: gateway healthy $(printf '%.1f' "${totals[-1]}") s after ./run.sh"
  else
    echo "warm-up start (not counted): $(printf '%.1f' "$(echo "$RUN_HEALTHY - $RUN_STARTED" | bc)") s"
  fi
  stop_system
  rm -f "$log"
done

echo
printf '%-28s' "ready after (s)"; for run in $(seq 1 "$runs"); do printf '%-10s' "run $run"; done; echo
for name in $(for k in "${!ready[@]}"; do echo "$k ${ready[$k]}"; done | sort -k2 -n | cut -d' ' -f1); do
  printf '%-28s' "$name"; for v in ${ready[$name]}; do printf '%-10s' "$v"; done; echo
done
printf '%-28s' "./run.sh → gateway healthy"; for t in "${totals[@]}"; do printf '%-10.1f' "$t"; done; echo
echo "worst: $(printf '%s\n' "${totals[@]}" | sort -n | tail -1 | xargs printf '%.1f') s (target ≤ 25 s, aim 20 s)"
