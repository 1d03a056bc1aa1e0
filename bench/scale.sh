#!/usr/bin/env bash
# Scale benchmark: the built CLI's `scan` (its own process) against `posturescan emulator` (another
# process) serving a generated world of ACCOUNTS x REGIONS scopes, every EC2 call delayed LATENCY_MS
# and THROTTLE of them answered RequestLimitExceeded. Reports, from one run, wall time against the
# bound (delayed calls x latency / concurrency), the scan's peak RSS, and calls per scope against the
# world's minimum. Then the two-node part (two `serve` nodes on PostgreSQL) when cluster mode exists.
# Usage: bench/scale.sh [OUT_DIR]
#   env: ACCOUNTS=120 REGIONS=17 SESSIONS=3 LATENCY_MS=50 THROTTLE=0.05 CONCURRENCY=32 SCOPES_IN_PROGRESS=2*CONCURRENCY
#        CLUSTER=0 skips the two-node part (for repeated one-node runs)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/posturescan-scale.XXXXXX")}
mkdir -p "$out"
command -v /usr/bin/time >/dev/null || { echo "missing /usr/bin/time: apt-get update && apt-get install -y time" >&2; exit 2; }

dotnet build -c Release bench/PostureScan.Bench -nologo -v q >/dev/null
bench=bench/PostureScan.Bench/bin/Release/net10.0/PostureScan.Bench.dll
cli=${CLI:-$(bench/publish-cli.sh)}

dotnet "$bench" scale-world --out "$out" --accounts "${ACCOUNTS:-120}" --regions "${REGIONS:-17}" --sessions "${SESSIONS:-3}" \
  --latency-ms "${LATENCY_MS:-50}" --throttle-rate "${THROTTLE:-0.05}" --concurrency "${CONCURRENCY:-32}" --scopes-in-progress "${SCOPES_IN_PROGRESS:-0}"

# The emulator logs one line per request: the benchmark counts calls (and throttled ones) from it.
dotnet "$cli" emulator --world "$out/world.yaml" --port 0 --https-port 0 --timing-log "$out/timing.log" > "$out/emulator.log" 2> "$out/emulator.err" &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q 'listening on' "$out/emulator.log" 2>/dev/null && break
  kill -0 "$emulator" 2>/dev/null || { cat "$out/emulator.err" >&2; exit 1; }
  sleep 0.1
done
endpoint=$(sed -n 's/.*listening on \(http:[^ ]*\) .*/\1/p' "$out/emulator.log" | head -1)
[ -n "$endpoint" ] || { echo "the emulator did not start" >&2; exit 1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; emulator at $endpoint; files in $out"
rm -f "$out/scan.db"*
status=0
POSTURESCAN__Aws__ServiceUrl=$endpoint /usr/bin/time -o "$out/time.txt" -f "wall_s=%e user_s=%U sys_s=%S max_rss_kb=%M" \
  dotnet "$cli" scan --config "$out/scan.json" --db "$out/scan.db" --json > "$out/run.json" 2> "$out/scan.err" || status=$?
echo "scan exit code $status; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The emulator's cpu time (utime + stime, in clock ticks) shows how much of the machine the other side needed.
read -r -a stat < <(sed 's/.*) //' "/proc/$emulator/stat")
echo "emulator_cpu_s=$(awk -v u="${stat[11]}" -v s="${stat[12]}" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (u + s) / hz }')" > "$out/emulator-cpu.txt"
kill "$emulator"; wait "$emulator" 2>/dev/null || true
trap - EXIT

report=0
dotnet "$bench" scale-report "$out" || report=$?

# Two nodes on PostgreSQL: the same world, scanned by two `serve` nodes sharing one database,
# against one node. Needs cluster mode (Database: postgres) and scope or account jobs in `serve`.
if [ "${CLUSTER:-1}" = 0 ]; then
  :
elif grep -q 'Database' src/PostureScan/Hosting/StoreSettings.cs && { [ -f src/PostureScan/Serve/ScopeJob.cs ] || [ -f src/PostureScan/Serve/AccountJob.cs ]; }; then
  CLI="$cli" bench/scale-cluster.sh "$out"
else
  echo
  echo "Two nodes on PostgreSQL: not yet measured (this tree has no cluster mode with scope or account jobs)."
fi
exit "$report"
