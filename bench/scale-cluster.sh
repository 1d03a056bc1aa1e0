#!/usr/bin/env bash
# The two-node part of the scale benchmark: the world that bench/scale.sh wrote into OUT_DIR, scanned
# by one `serve` node and then by two, each time on a fresh database of a throwaway PostgreSQL server
# (cluster mode: Store:Database postgres, Quartz's clustered job store, one job per scope), against a
# fresh emulator. Reports each run's duration as the store records it and the ratio two/one (goal <= 0.6).
# Usage: bench/scale-cluster.sh OUT_DIR   (called by bench/scale.sh; needs Debian's postgresql and jq)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
cli=src/PostureScan/bin/Release/net10.0/PostureScan.dll
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] || { echo "Two nodes on PostgreSQL: not measured (no PostgreSQL: apt-get install -y postgresql)"; exit 0; }
command -v jq >/dev/null || { echo "Two nodes on PostgreSQL: not measured (no jq)"; exit 0; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -d "$out/pg/data" ] && as_postgres "$pgbin/pg_ctl" -D "$out/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
# initdb refuses to run as root: the server then runs as the postgres account.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

rm -rf "$out/pg"; mkdir -p "$out/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$out/pg"
port=$((20000 + RANDOM % 20000))
as_postgres "$pgbin/initdb" -D "$out/pg/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$out/pg/data" -l "$out/pg/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $out/pg -c fsync=off -c max_connections=300" start >/dev/null
psql() { "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

measure() { # nodes
  local nodes=$1 db="scale_$1" emulator endpoint fire
  psql -d postgres -c "CREATE DATABASE $db"
  dotnet "$cli" emulator --world "$out/world.yaml" --port 0 --https-port 0 > "$out/emulator-$nodes.log" 2>&1 &
  emulator=$!; pids+=("$emulator")
  until grep -q 'listening on' "$out/emulator-$nodes.log"; do sleep 0.1; done
  endpoint=$(sed -n 's/.*listening on \(http:[^ ]*\) .*/\1/p' "$out/emulator-$nodes.log" | head -1)
  # One firing, far enough ahead for every node to have joined the cluster.
  fire=$(date -u -d '+40 seconds' '+%-S %-M %-H')
  jq --arg cs "Host=127.0.0.1;Port=$port;Database=$db;Username=postgres" --arg cron "$fire * * ?" --arg url "$endpoint" \
    '. + { Store: { Database: "postgres", ConnectionString: $cs },
           Serve: { ScanCron: $cron, TimeZone: "UTC", MetricsPort: 0, ClusterCheckinInterval: "00:00:02" } }
     | .Aws.ServiceUrl = $url' "$out/scan.json" > "$out/serve-$nodes.json"
  local node_pids=()
  for n in $(seq 1 "$nodes"); do
    dotnet "$cli" serve --config "$out/serve-$nodes.json" > "$out/serve-$nodes-$n.log" 2>&1 &
    node_pids+=($!); pids+=($!)
  done
  local row=""
  for _ in $(seq 1 1800); do
    row=$(psql -d "$db" -c "SELECT started_at || ' ' || finished_at || ' ' || api_calls FROM scan_runs ORDER BY started_at LIMIT 1" 2>/dev/null || true)
    [ -n "$row" ] && break
    sleep 1
  done
  for pid in "${node_pids[@]}" "$emulator"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ -n "$row" ] || { echo "no run was committed with $nodes node(s) within 30 minutes" >&2; return 1; }
  read -r started finished calls <<< "$row"
  echo "$(( $(date -u -d "$finished" +%s%N) / 1000000 - $(date -u -d "$started" +%s%N) / 1000000 )) $calls"
}

read -r one one_calls < <(measure 1)
read -r two two_calls < <(measure 2)
echo
echo "Two nodes on PostgreSQL (run duration as stored, first scope job to commit):"
awk -v a="$one" -v b="$two" -v ca="$one_calls" -v cb="$two_calls" 'BEGIN {
  printf "| nodes | run | API calls |\n|---|---|---|\n| 1 | %.2f s | %d |\n| 2 | %.2f s | %d |\n", a / 1000, ca, b / 1000, cb
  printf "two nodes / one node: **%.2f** (goal <= 0.6): %s\n", b / a, (b / a <= 0.6 ? "met" : "MISSED") }' | tee "$out/cluster.md"
