#!/usr/bin/env bash
# Runs every test against the real stack (PostgreSQL, RabbitMQ, MailDev, Chromium started by the AppHost's test mode)
# and ends with the line CI reads: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

scripts/install-prerequisites.sh --browser || exit 1
dotnet tool restore >/dev/null || exit 1
dotnet build Opco.Aspire.sln -c Release -nologo -v quiet -p:UseSharedCompilation=true || exit 1

results=TestResults
rm -rf "$results"
dotnet test Opco.Aspire.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
# The compiler server would otherwise linger after the run.
dotnet build-server shutdown >/dev/null 2>&1 || true

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  # The failed tests' names again at the end, where a reader of the log's tail finds them.
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/FAILED: \1/p'
done
# A run that crashed before reporting still counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
