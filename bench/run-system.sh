# Sourced by the start-up and memory benchmarks: starts ./run.sh (a developer's run, data kept) and stops it.
# shellcheck shell=bash

ports=(8080 18888 55432 55672 1080 1025 15672)

# Processes of a run: Aspire's orchestrator and dashboard, the services, the servers.
run_processes='aspire\.hosting\.orchestration|Aspire\.Dashboard|Opco\.AppHost|/net10\.0/Opco\.[A-Za-z]+$|beam\.smp|maildev\.js|bin/postgres '

# Waits until the previous run has fully stopped (Aspire's orchestrator tears down for seconds after the AppHost exits):
# no process of a run left, nothing on the run's fixed ports.
wait_ports_free() {
  local deadline=$((SECONDS + 60))
  while pgrep -f "$run_processes" > /dev/null || ss -ltnH | awk '{print $4}' | grep -Eq ":($(IFS='|'; echo "${ports[*]}"))\$"; do
    [ $SECONDS -lt $deadline ] || { echo "the previous run was still stopping after 60 s" >&2; return 1; }
    sleep 0.2
  done
}

# start_system LOG: starts ./run.sh in the background; sets RUN_PID and RUN_STARTED (epoch seconds).
start_system() {
  wait_ports_free
  RUN_STARTED=$(date +%s.%N)
  setsid ./run.sh > "$1" 2>&1 &
  RUN_PID=$!
}

# wait_ready LOG: waits for the gateway's health, then for the AppHost's "resources ready" line; sets RUN_HEALTHY.
wait_ready() {
  until curl -sf -o /dev/null http://localhost:8080/health; do
    kill -0 "$RUN_PID" 2>/dev/null || { echo "run.sh exited:" >&2; tail -20 "$1" >&2; return 1; }
    sleep 0.1
  done
  RUN_HEALTHY=$(date +%s.%N)
  until grep -q "resources ready in" "$1"; do sleep 0.1; done
}

stop_system() {
  kill -TERM "$RUN_PID" 2>/dev/null || true
  wait "$RUN_PID" 2>/dev/null || true
  wait_ports_free
}
