# Sourced by scripts/test-all.sh: starts a throwaway PostgreSQL server for the tests and exports
# TEST_DATABASE_URL. Uses Debian's postgresql package; prints a notice and returns if it is missing.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$pg_bin" || ! -x "$pg_bin/initdb" ]]; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql): the PostgreSQL suites will be skipped."
  return 0
fi
PG_PORT=${PG_PORT:-$((55000 + RANDOM % 5000))}
PG_DIR=$(mktemp -d /tmp/wc-pg-XXXXXX)
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) -eq 0 ]] && chown postgres "$PG_DIR"
as_pg "$pg_bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
stop_pg() { as_pg "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') running on port $PG_PORT for the tests."
