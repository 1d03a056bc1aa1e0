#!/usr/bin/env bash
# The store's row writer against its baseline: the scope results and sessions of the run that bench/scale.sh
# stored in OUT_DIR/scan.db (2,040 scopes, 6,120 sessions) are stored again, in one transaction each time, with
# MultiRowInsert and with Dapper running the one-row INSERT once per row, into a fresh SQLite file and into a
# throwaway PostgreSQL server on loopback (when Debian's postgresql is installed). Prints the medians and ratios.
# Usage: bench/store-insert.sh OUT_DIR   (REPEAT=N, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
[ -f "$out/scan.db" ] || { echo "no $out/scan.db: run bench/scale.sh $out first" >&2; exit 2; }
dotnet build -c Release bench/PostureScan.Bench -v q -nologo >/dev/null
bench=bench/PostureScan.Bench/bin/Release/net10.0/PostureScan.Bench.dll

connection=""
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$pgbin" ]; then
  . bench/throwaway-pg.sh
  pgdir="$out/store-insert-pg"
  throwaway_pg_start "$pgdir"
  trap 'throwaway_pg_stop "$pgdir"' EXIT
  connection="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
else
  echo "PostgreSQL: not measured (no PostgreSQL: apt-get install -y postgresql)" >&2
fi

dotnet "$bench" store-insert "$out/scan.db" "$out" "$connection" "${REPEAT:-5}" | tee "$out/store-insert.md"
