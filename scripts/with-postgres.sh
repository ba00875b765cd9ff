#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster: initdb into a temp folder, start it on a
# free loopback port (as the postgres user when run as root: PostgreSQL refuses root), run the
# command with PORTAL_TEST_DATABASE_URL set, then stop the cluster and delete the folder.
# Usage: scripts/with-postgres.sh <command> [args…]
set -euo pipefail

bin_dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bin_dir" ]] && command -v pg_ctl >/dev/null; then bin_dir=$(dirname "$(command -v pg_ctl)"); fi
if [[ -z "$bin_dir" || ! -x "$bin_dir/initdb" ]]; then
  echo "PostgreSQL server not found (no initdb/pg_ctl): install it, e.g. 'apt-get install -y postgresql' on Debian; .ci/run does this." >&2
  exit 1
fi

folder=$(mktemp -d "${TMPDIR:-/tmp}/portal-postgres.XXXXXX")
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$folder"
  as_owner=(runuser -u postgres --)
fi
port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

stop() {
  "${as_owner[@]}" "$bin_dir/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT

# C collation and UTF-8 so text sorts and compares byte by byte, as SQLite does.
"${as_owner[@]}" "$bin_dir/initdb" -D "$folder/data" -U postgres --auth=trust --no-locale -E UTF8 >"$folder/initdb.log" 2>&1 ||
  { cat "$folder/initdb.log" >&2; exit 1; }
# Durability off: the cluster lives for one run.
"${as_owner[@]}" "$bin_dir/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$folder/server.log" >&2; exit 1; }

export PORTAL_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
