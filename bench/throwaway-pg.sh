# Sourced by the benchmarks that need PostgreSQL: a throwaway server on loopback, in a folder of its own.
# initdb refuses to run as root: the server then runs as the postgres account.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# throwaway_pg_start DIR [SERVER OPTIONS...]: a new cluster in DIR/data (what DIR held is removed), started on a
# random loopback port with fsync off; sets port and postmaster (the server's pid).
throwaway_pg_start() {
  local dir=$1; shift
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  port=$((20000 + RANDOM % 20000))
  as_postgres "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  as_postgres "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off $*" start >/dev/null
  postmaster=$(head -1 "$dir/data/postmaster.pid")
}

# throwaway_pg_stop DIR: stops the server in DIR, if one runs there.
throwaway_pg_stop() {
  [ -f "$1/data/postmaster.pid" ] && as_postgres "$pgbin/pg_ctl" -D "$1/data" -m immediate -w stop >/dev/null 2>&1 || true
}
