#!/usr/bin/env bash
# The two-node part of the scale benchmark: the world that bench/scale.sh wrote into OUT_DIR, scanned
# by one `serve` node and then by two, each time on a throwaway PostgreSQL server of its own
# (cluster mode: Store:Database postgres, Quartz's clustered job store, one job per scope), against a
# fresh emulator. Reports each run's duration as the store records it and the ratio two/one (goal <= 0.6).
# Usage: bench/scale-cluster.sh OUT_DIR   (called by bench/scale.sh; needs Debian's postgresql and jq)
# NODES="1 2" (default) runs one node, then two; RUNS=N repeats that N times, alternating, and compares the
# medians (runs on shared cores vary by a fifth); PG_STATEMENTS=1 also writes each run's costliest statements
# (pg_stat_statements) to OUT_DIR/pg-statements-NODES-RUN.txt; PG_ACTIVITY=1 samples what every node's connections
# are doing five times a second (pg_stat_activity: node, state, wait event, statement) into
# OUT_DIR/pg-activity-NODES-RUN.tsv (autovacuum workers too). The busiest tables' dead rows and vacuums before and
# after the measured run go to OUT_DIR/pg-tables-NODES-RUN-{before,after}.tsv. Each node logs to OUT_DIR/serve-NODES-RUN-NODE.log. WARM=1 fires a scan every minute and measures the
# second run stored: the nodes have compiled their code and the scope jobs are stored, as for a nightly scan on
# nodes that have been running (the cpu of PostgreSQL then covers both runs: its backends' time counts when they exit).
# CPUS_NODE=C CPUS_PG=C CPUS_EMULATOR=C (all three, in cores, e.g. 0.4 0.7 0.5) give each serve node, PostgreSQL
# and the emulator a cpu quota of its own (a cgroup each, root needed), as if each ran on a machine of that size:
# on one small machine the processes otherwise share the same cores, and a second node adds no cpu.
# CPU_PERIOD_US=N sets the quotas' period (10000 by default; the kernel wants at least 1000 us of quota in it).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
cli=${CLI:-$(bench/publish-cli.sh)}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] || { echo "Two nodes on PostgreSQL: not measured (no PostgreSQL: apt-get install -y postgresql)"; exit 0; }
command -v jq >/dev/null || { echo "Two nodes on PostgreSQL: not measured (no jq)"; exit 0; }
cpu_period=${CPU_PERIOD_US:-10000}
# The kernel refuses a quota under 1 ms of its period: 0.4 cores need a period of at least 2.5 ms.
[ -z "${CPUS_NODE:-}${CPUS_PG:-}${CPUS_EMULATOR:-}" ] || awk -v t="$cpu_period" -v n="${CPUS_NODE:-1}" -v p="${CPUS_PG:-1}" -v e="${CPUS_EMULATOR:-1}" \
  'BEGIN { m = n; if (p < m) m = p; if (e < m) m = e; exit !(m * t >= 1000) }' \
  || { echo "CPU_PERIOD_US=$cpu_period is too short for the smallest cpu share (the kernel wants 1000 us of quota per period)" >&2; exit 2; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_stop
  cpu_groups_remove
}
trap cleanup EXIT
. bench/throwaway-pg.sh
pg_stop() { throwaway_pg_stop "$out/pg"; }

# Cpu quotas: one cgroup per process (cgroup v2's cpu.max, or v1's cfs quota), with a 10 ms period (CPU_PERIOD_US)
# so that a process that used its share waits milliseconds, not the 100 ms default, against 50 ms of latency per call.
cpu_root=""
if [ -n "${CPUS_NODE:-}${CPUS_PG:-}${CPUS_EMULATOR:-}" ]; then
  [ -n "${CPUS_NODE:-}" ] && [ -n "${CPUS_PG:-}" ] && [ -n "${CPUS_EMULATOR:-}" ] \
    || { echo "CPUS_NODE, CPUS_PG and CPUS_EMULATOR go together" >&2; exit 2; }
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then cpu_root=/sys/fs/cgroup/posturescan-bench-$$
  elif [ -d /sys/fs/cgroup/cpu ]; then cpu_root=/sys/fs/cgroup/cpu/posturescan-bench-$$
  else echo "no cgroup cpu controller here: run without CPUS_*" >&2; exit 2; fi
  mkdir "$cpu_root" || { echo "cannot create $cpu_root (root needed)" >&2; exit 2; }
  # cgroup v2 hands the cpu controller down one level at a time.
  [ -f /sys/fs/cgroup/cgroup.controllers ] && for dir in /sys/fs/cgroup "$cpu_root"; do echo +cpu > "$dir/cgroup.subtree_control"; done
  awk -v n="$CPUS_NODE" -v p="$CPUS_PG" -v e="$CPUS_EMULATOR" -v c="$(nproc)" 'BEGIN { if (2 * n + p + e > c) print "warning: two nodes, PostgreSQL and the emulator get " 2 * n + p + e " cores of " c ": they contend again" }' >&2
fi
cpu_group() { # name cores: creates the group and prints its folder (nothing without quotas)
  [ -n "$cpu_root" ] || return 0
  local dir="$cpu_root/$1" quota
  quota=$(awk -v c="$2" -v p="$cpu_period" 'BEGIN { printf "%d", c * p }')
  mkdir -p "$dir"
  if [ -f "$cpu_root/../cgroup.controllers" ]; then echo "$quota $cpu_period" > "$dir/cpu.max"
  else echo "$cpu_period" > "$dir/cpu.cfs_period_us"; echo "$quota" > "$dir/cpu.cfs_quota_us"; fi
  echo "$dir"
}
# `in_group DIR COMMAND... &` runs a command in the background inside a cpu group (or as is without quotas): the
# background shell joins the group and becomes the command, so $! is the command's own pid, to measure and to kill.
in_group() { local dir=$1; shift; [ -z "$dir" ] || echo "$BASHPID" > "$dir/cgroup.procs"; exec "$@"; }
cpu_groups_remove() {
  [ -n "$cpu_root" ] && [ -d "$cpu_root" ] || return 0
  for dir in "$cpu_root"/*/; do [ -d "$dir" ] && rmdir "$dir" 2>/dev/null; done
  rmdir "$cpu_root" 2>/dev/null || true
}

warm=${WARM:-0}
statements_options=""
[ "${PG_STATEMENTS:-0}" = 1 ] && statements_options="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
psql() { "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
# Cpu seconds of a process (utime + stime), and with its reaped children (PostgreSQL's backends end as children of the postmaster).
cpu_s() { awk -v hz="$(getconf CLK_TCK)" -v all="${2:-0}" '{ sub(/.*\) /, ""); t = $12 + $13; if (all) t += $14 + $15; printf "%.2f", t / hz }' "/proc/$1/stat"; }
# Cpu seconds the hypervisor gave to others while this machine's processes were ready to run (all cores): on a
# virtual machine this is noise no quota or process of ours causes, so each run reports it.
steal_s() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", $9 / hz }' /proc/stat; }

# Every measured run gets a PostgreSQL server of its own, started for it and stopped after it: a server that has
# served an earlier run still vacuums and analyses that run's database while the next one runs.
pg_start() { # sets port and postmaster
  pg_stop
  throwaway_pg_start "$out/pg" -c max_connections=300 $statements_options
  # The postmaster and its helpers join PostgreSQL's group; the backends it forks later are born there.
  if pg_group=$(cpu_group pg "${CPUS_PG:-0}") && [ -n "$pg_group" ]; then
    for pid in $postmaster $(pgrep -P "$postmaster"); do echo "$pid" > "$pg_group/cgroup.procs"; done
  fi
}

nodes_cpu() { local sum=0 pid; for pid in "$@"; do sum=$(awk -v a="$sum" -v b="$(cpu_s "$pid")" 'BEGIN { printf "%.2f", a + b }'); done; echo "$sum"; }
# Waits (30 minutes at most) for the stored run after the first OFFSET ones; sets row to "started finished calls".
stored_run() { # database offset
  for _ in $(seq 1 1800); do
    row=$(psql -d "$1" -c "SELECT started_at || ' ' || finished_at || ' ' || api_calls FROM scan_runs ORDER BY started_at OFFSET $2 LIMIT 1" 2>/dev/null || true)
    [ -n "$row" ] && return 0
    sleep 1
  done
  return 1
}

# Rows, dead rows and vacuums of the busiest tables, to see whether a run found them bloated or vacuumed them meanwhile.
table_stats() { # database
  psql -d "$1" -F $'\t' -c "SELECT relname, n_live_tup, n_dead_tup, n_tup_upd + n_tup_del, autovacuum_count, coalesce(to_char(last_autovacuum AT TIME ZONE 'UTC', 'HH24:MI:SS'), '-')
    FROM pg_stat_user_tables ORDER BY n_tup_upd + n_tup_del DESC LIMIT 8" 2>/dev/null || true
}

measure() { # nodes [run]
  local nodes=$1 db="scale_$1_${2:-1}" emulator endpoint fire pg_before
  pg_start
  psql -d postgres -c "CREATE DATABASE $db"
  [ "${PG_STATEMENTS:-0}" = 1 ] && psql -d "$db" -c "CREATE EXTENSION pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null
  pg_before=$(cpu_s "$postmaster" 1)
  steal_before=$(steal_s)
  # A log left by an earlier run would give the old port before the new emulator truncates it.
  rm -f "$out/emulator-$nodes.log"
  in_group "$(cpu_group emulator "${CPUS_EMULATOR:-0}")" dotnet "$cli" emulator --world "$out/world.yaml" --port 0 --https-port 0 > "$out/emulator-$nodes.log" 2>&1 &
  emulator=$!; pids+=("$emulator")
  until grep -q 'listening on' "$out/emulator-$nodes.log" 2>/dev/null; do sleep 0.1; done
  endpoint=$(sed -n 's/.*listening on \(http:[^ ]*\) .*/\1/p' "$out/emulator-$nodes.log" | head -1)
  # One firing, far enough ahead for every node to have joined the cluster; with WARM=1 one every minute from then
  # on (a firing while a run is open is skipped), and the second run stored is the one measured.
  local cron
  if [ "$warm" = 1 ]; then cron="$(date -u -d '+40 seconds' '+%-S') * * * * ?"; else cron="$(date -u -d '+40 seconds' '+%-S %-M %-H') * * ?"; fi
  jq --arg cs "Host=127.0.0.1;Port=$port;Database=$db;Username=postgres${PG_CS_EXTRA:-}" --arg cron "$cron" --arg url "$endpoint" \
    '. + { Store: { Database: "postgres", ConnectionString: $cs },
           Serve: { ScanCron: $cron, TimeZone: "UTC", MetricsPort: 0, ClusterCheckinInterval: "00:00:02" } }
     | .Aws.ServiceUrl = $url' "$out/scan.json" > "$out/serve-$nodes.json"
  local node_pids=() sampler=""
  for n in $(seq 1 "$nodes"); do
    # Each node names its connections, so that PostgreSQL's view of them says which node is waiting on what.
    jq --arg app "node-$n" '.Store.ConnectionString += ";Application Name=" + $app' "$out/serve-$nodes.json" > "$out/serve-$nodes-$n.json"
    in_group "$(cpu_group "node-$n" "${CPUS_NODE:-0}")" dotnet "$cli" serve --config "$out/serve-$nodes-$n.json" > "$out/serve-$nodes-${2:-1}-$n.log" 2>&1 &
    node_pids+=($!); pids+=($!)
  done
  if [ "${PG_ACTIVITY:-0}" = 1 ]; then
    (while sleep 0.2; do
      psql -d "$db" -F $'\t' -c "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'HH24:MI:SS.MS'),
        CASE WHEN backend_type = 'autovacuum worker' THEN 'autovacuum' ELSE application_name END, state,
        coalesce(wait_event_type, '-'), coalesce(wait_event, '-'), left(regexp_replace(query, '\s+', ' ', 'g'), 90)
        FROM pg_stat_activity WHERE datname = '$db'
          AND ((application_name LIKE 'node-%' AND state <> 'idle') OR backend_type = 'autovacuum worker')" 2>/dev/null || true
    done > "$out/pg-activity-$nodes-${2:-1}.tsv") &
    sampler=$!; pids+=("$sampler")
  fi
  local row="" nodes_before=0 emulator_before=0
  if [ "$warm" = 1 ] && stored_run "$db" 0; then
    # The first run warmed the nodes (code compiled, scope jobs stored): what follows counts the second only.
    nodes_before=$(nodes_cpu "${node_pids[@]}"); emulator_before=$(cpu_s "$emulator"); steal_before=$(steal_s)
    [ "${PG_STATEMENTS:-0}" = 1 ] && psql -d "$db" -c "SELECT pg_stat_statements_reset()" >/dev/null
  fi
  table_stats "$db" > "$out/pg-tables-$nodes-${2:-1}-before.tsv"
  stored_run "$db" "$warm" || true
  table_stats "$db" > "$out/pg-tables-$nodes-${2:-1}-after.tsv"
  local load nodes_cpu emulator_cpu
  [ "${PG_STATEMENTS:-0}" = 1 ] && psql -d "$db" -F ' | ' -c "SELECT calls, round(total_exec_time::numeric, 0) AS ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25" > "$out/pg-statements-$nodes-${2:-1}.txt"
  load=$(cut -d' ' -f1 /proc/loadavg)
  nodes_cpu=$(awk -v a="$(nodes_cpu "${node_pids[@]}")" -v b="$nodes_before" 'BEGIN { printf "%.2f", a - b }')
  emulator_cpu=$(awk -v a="$(cpu_s "$emulator")" -v b="$emulator_before" 'BEGIN { printf "%.2f", a - b }')
  [ -n "$sampler" ] && { kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; }
  for pid in "${node_pids[@]}" "$emulator"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  sleep 2 # the nodes' connections close and their backends are reaped into the postmaster's children time
  local pg_cpu; pg_cpu=$(awk -v a="$pg_before" -v b="$(cpu_s "$postmaster" 1)" 'BEGIN { printf "%.2f", b - a }')
  pg_stop
  [ -n "$row" ] || { echo "no run was committed with $nodes node(s) within 30 minutes" >&2; return 1; }
  read -r started finished calls <<< "$row"
  # Cpu of the nodes includes their start-up and the wait for the firing; the run's duration does not.
  echo "$(( $(date -u -d "$finished" +%s%N) / 1000000 - $(date -u -d "$started" +%s%N) / 1000000 )) $calls $nodes_cpu $emulator_cpu $pg_cpu $load $(awk -v a="$steal_before" -v b="$(steal_s)" 'BEGIN { printf "%.2f", b - a }')"
}

nodes_list=${NODES:-1 2}
runs=${RUNS:-1}
table="$out/cluster.md"
{
  echo "Two nodes on PostgreSQL (run duration as stored, scan firing to commit; cpu seconds of the serve nodes, the emulator and PostgreSQL; load average at the end; cpu seconds stolen by the hypervisor)$([ "$warm" = 1 ] && echo ', the second run of warm nodes (WARM=1)'):"
  echo
  echo "| run | nodes | run time | API calls | cpu, nodes | cpu, emulator | cpu, PostgreSQL | load | steal |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$table"
declare -A times
for r in $(seq 1 "$runs"); do
  for n in $nodes_list; do
    read -r ms calls node_cpu emu_cpu pg_cpu load steal < <(measure "$n" "$r") || true
    [ -n "${ms:-}" ] || { echo "run $r with $n node(s) did not finish" >&2; exit 1; }
    times[$n]+="$ms "
    awk -v r="$r" -v n="$n" -v ms="$ms" -v c="$calls" -v nc="$node_cpu" -v ec="$emu_cpu" -v pc="$pg_cpu" -v l="$load" -v st="$steal" \
      'BEGIN { printf "| %d | %d | %.2f s | %d | %.2f s | %.2f s | %.2f s | %s | %.2f s |\n", r, n, ms / 1000, c, nc, ec, pc, l, st }' >> "$table"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo >> "$table"
for n in $nodes_list; do
  echo "median with $n node(s): $(echo "${times[$n]}" | median | awk '{ printf "%.2f", $1 / 1000 }') s over $runs run(s)" >> "$table"
done
if [ -n "${times[1]:-}" ] && [ -n "${times[2]:-}" ]; then
  awk -v a="$(echo "${times[1]}" | median)" -v b="$(echo "${times[2]}" | median)" \
    'BEGIN { printf "two nodes / one node (medians): **%.2f** (goal <= 0.6): %s\n", b / a, (b / a <= 0.6 ? "met" : "MISSED") }' >> "$table"
fi
echo
cat "$table"
