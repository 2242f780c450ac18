#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for tocsin's tests (and for trying
# tocsin on PostgreSQL), used by .ci/run and by developers alike.
#
#   tools/pg_test_server.sh start   create (once) and start the server; prints its URL
#   tools/pg_test_server.sh url     print the URL of the test database
#   tools/pg_test_server.sh stop    stop the server (the data folder stays)
#   tools/pg_test_server.sh remove  stop it and delete the data folder
#
# Then:  export TOCSIN_TEST_POSTGRES="$(tools/pg_test_server.sh url)"; make test
#
# The cluster lives in $TOCSIN_PG_DIR (default /tmp/tocsin-pg), listens on
# 127.0.0.1:$TOCSIN_PG_PORT (default 55432) and on a Unix socket inside that
# folder, and has a role `tocsin` (password `tocsin`) owning the database
# `tocsin_test`. It is tuned for tests, not for data you care about: fsync and
# synchronous commit are off. Needs Debian's `postgresql` package
# (apt-get install -y postgresql); as root, the server runs as the `postgres` user.
set -euo pipefail

DIR="${TOCSIN_PG_DIR:-/tmp/tocsin-pg}"
PORT="${TOCSIN_PG_PORT:-55432}"
ROLE=tocsin
PASSWORD=tocsin
DATABASE=tocsin_test
URL="postgresql://${ROLE}:${PASSWORD}@127.0.0.1:${PORT}/${DATABASE}"

die() { echo "pg_test_server: $*" >&2; exit 1; }

bindir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "$found" ]]; then
        found="$(dirname "$(command -v pg_ctl 2>/dev/null || true)")"
    fi
    [[ -x "$found/pg_ctl" && -x "$found/initdb" ]] \
        || die "PostgreSQL server programs not found; install them: apt-get install -y postgresql"
    echo "$found"
}

# Run a command as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    BIN="$(bindir)"
    if [[ ! -f "$DIR/data/PG_VERSION" ]]; then
        mkdir -p "$DIR"
        if [[ "$(id -u)" == 0 ]]; then
            id postgres >/dev/null 2>&1 || die "no 'postgres' user; install the postgresql package"
            chown postgres: "$DIR"
        fi
        chmod 700 "$DIR"
        as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust \
            --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
            || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off \
                -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
            start >/dev/null \
            || { tail -n 20 "$DIR/server.log" >&2; die "the server did not start (port $PORT in use?)"; }
    fi
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres <<SQL >/dev/null
SELECT 'CREATE ROLE ${ROLE} LOGIN PASSWORD ''${PASSWORD}'''
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') \gexec
SELECT 'CREATE DATABASE ${DATABASE} OWNER ${ROLE}'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${DATABASE}') \gexec
SQL
    echo "$URL"
}

stop() {
    [[ -f "$DIR/data/PG_VERSION" ]] || return 0
    BIN="$(bindir)"
    if as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
    fi
}

case "${1:-}" in
    start) start ;;
    url) echo "$URL" ;;
    stop) stop ;;
    remove) stop; rm -rf "$DIR" ;;
    *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
