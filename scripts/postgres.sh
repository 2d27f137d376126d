#!/usr/bin/env bash
# Private, throw-away PostgreSQL 15 cluster for tests and CI (Debian 12, no Docker).
#
#   scripts/postgres.sh start   # install if needed, init + start (idempotent);
#                               # prints the Npgsql connection string as the last stdout line
#   scripts/postgres.sh stop    # stop (if running) and delete the data directory
#   scripts/postgres.sh url     # print the Npgsql connection string
#   scripts/postgres.sh status  # exit 0 if the cluster is running
#
# Environment:
#   PGDATA_DIR  data directory            (default /tmp/associations-pg)
#   PG_PORT     TCP port on 127.0.0.1     (default 55432)
#   PG_DB       database to create        (default associations_test)
#
# The server listens on 127.0.0.1 only (never 0.0.0.0), trusts local/loopback
# connections (user postgres, no password) and runs with fsync/synchronous_commit/
# full_page_writes off: data is NOT crash-safe, which is fine for tests only.
# Only the connection string goes to stdout; everything else goes to stderr.
set -euo pipefail

PG_MAJOR=15
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PGDATA_DIR="${PGDATA_DIR:-/tmp/associations-pg}"
PG_PORT="${PG_PORT:-55432}"
PG_DB="${PG_DB:-associations_test}"
PG_USER=postgres
PG_HOST=127.0.0.1
LOG_FILE="${PGDATA_DIR}/server.log"
LOCK_FILE="${PGDATA_DIR%/}.lock"

# Keep the real stdout on fd 3 for the connection string; send everything else to stderr.
exec 3>&1 1>&2

# PG* variables from the caller must not redirect our own client calls elsewhere.
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGSERVICE PGOPTIONS PGDATA || true

log() { echo "postgres.sh: $*" >&2; }
die() { echo "postgres.sh: error: $*" >&2; exit 1; }

conn_string() {
    echo "Host=${PG_HOST};Port=${PG_PORT};Username=${PG_USER};Database=${PG_DB};Pooling=true"
}

validate() {
    [[ "$PG_PORT" =~ ^[0-9]+$ ]] && (( PG_PORT >= 1024 && PG_PORT <= 65535 )) \
        || die "PG_PORT must be a number between 1024 and 65535 (got '${PG_PORT}')"
    [[ "$PGDATA_DIR" = /* ]] || die "PGDATA_DIR must be an absolute path (got '${PGDATA_DIR}')"
    case "${PGDATA_DIR%/}" in
        "" | /tmp | /var | /usr | /etc | /root | /home | /var/lib | /var/lib/postgresql*)
            die "refusing to use '${PGDATA_DIR}' as a throw-away data directory" ;;
    esac
    [[ "$PG_DB" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "PG_DB must be a plain identifier (got '${PG_DB}')"
    # Unix socket paths are limited to ~107 bytes.
    (( ${#PGDATA_DIR} <= 80 )) || die "PGDATA_DIR is too long for a unix socket directory: ${PGDATA_DIR}"
}

# Run a command as the OS user that owns the cluster (postgres refuses to run as root).
# fds 3 (our real stdout) and 9 (the lock) are closed for it: a server started from here
# would otherwise inherit them, keep "$(scripts/postgres.sh start)" waiting for EOF forever
# and hold the lock for its whole life.
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        (cd / && exec runuser -u "$PG_USER" -- "$@") 3>&- 9>&-
    else
        (cd / && exec "$@") 3>&- 9>&-
    fi
}

# psql against our server, over TCP on loopback.
pg_psql() {
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"
}

install_postgres() {
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/psql" ]] && return 0
    [[ $EUID -eq 0 ]] || die "PostgreSQL ${PG_MAJOR} is not installed (${PG_BIN}/initdb missing) and we are not root to apt-get install it"
    log "installing PostgreSQL ${PG_MAJOR} from Debian packages (this takes a minute)..."
    # Keep the package's own 'main' cluster from being started by its postinst.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created_policy=1
    fi
    local rc=0
    {
        apt-get update -qq >/dev/null &&
        if apt-cache show "postgresql-${PG_MAJOR}" >/dev/null 2>&1; then
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                "postgresql-${PG_MAJOR}" >/dev/null
        else
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                postgresql >/dev/null
        fi
    } || rc=$?
    if (( created_policy )); then rm -f "$policy"; fi
    (( rc == 0 )) || die "apt-get install of PostgreSQL failed (exit ${rc})"
    [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL installed, but ${PG_BIN}/initdb is still missing (wrong major version?)"
}

ensure_os_user() {
    [[ $EUID -eq 0 ]] || return 0   # not root: the cluster runs as the current user
    if ! id -u "$PG_USER" >/dev/null 2>&1; then
        log "creating OS user '${PG_USER}'"
        useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql \
            --shell /bin/bash "$PG_USER" || die "could not create OS user '${PG_USER}'"
    fi
}

# 0 = running, 3 = not running, 4 = no valid data dir (pg_ctl status semantics).
cluster_status() {
    [[ -f "$PGDATA_DIR/PG_VERSION" ]] || return 4
    local rc=0
    as_pg "$PG_BIN/pg_ctl" status -D "$PGDATA_DIR" >/dev/null 2>&1 || rc=$?
    return "$rc"
}

running_port() {
    # Line 4 of postmaster.pid is the port the running server listens on.
    sed -n 4p "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true
}

# Only delete directories that look like ours: empty, or a PostgreSQL data directory.
safe_remove_datadir() {
    [[ -e "$PGDATA_DIR" ]] || return 0
    [[ -d "$PGDATA_DIR" ]] || die "${PGDATA_DIR} exists but is not a directory"
    if [[ -f "$PGDATA_DIR/PG_VERSION" || -z "$(ls -A "$PGDATA_DIR" 2>/dev/null)" ]]; then
        rm -rf -- "$PGDATA_DIR"
    else
        die "refusing to delete ${PGDATA_DIR}: it is not empty and not a PostgreSQL data directory"
    fi
}

init_cluster() {
    if [[ -e "$PGDATA_DIR" && ! -f "$PGDATA_DIR/PG_VERSION" ]]; then
        log "removing incomplete data directory ${PGDATA_DIR}"
        safe_remove_datadir
    fi
    log "initializing cluster in ${PGDATA_DIR}"
    mkdir -p "$PGDATA_DIR"
    chmod 700 "$PGDATA_DIR"
    if [[ $EUID -eq 0 ]]; then chown "$PG_USER:$PG_USER" "$PGDATA_DIR"; fi
    local out
    if ! out=$(as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U "$PG_USER" \
            --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8 \
            --no-sync --no-instructions 2>&1); then
        echo "$out" >&2
        die "initdb failed for ${PGDATA_DIR}"
    fi
    as_pg tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null <<EOF

# --- added by scripts/postgres.sh: private test cluster, loopback only, not crash-safe ---
listen_addresses = '${PG_HOST}'
port = ${PG_PORT}
unix_socket_directories = '${PGDATA_DIR}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
logging_collector = off
log_min_messages = warning
EOF
}

start_cluster() {
    log "starting server on ${PG_HOST}:${PG_PORT}"
    # -p on the command line wins over postgresql.conf, so a changed PG_PORT is honoured.
    if ! as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$PGDATA_DIR" -l "$LOG_FILE" \
            -o "-p ${PG_PORT} -c listen_addresses=${PG_HOST}" >/dev/null 2>&1; then
        log "server log (${LOG_FILE}), last lines:"
        tail -n 20 "$LOG_FILE" >&2 2>/dev/null || true
        die "pg_ctl start failed (is port ${PG_PORT} already in use?)"
    fi
}

ensure_database() {
    local exists
    exists=$(pg_psql -d postgres -tAc "select 1 from pg_database where datname = '${PG_DB}'") \
        || die "cannot connect to the server on ${PG_HOST}:${PG_PORT}"
    if [[ "$exists" != 1 ]]; then
        log "creating database ${PG_DB}"
        pg_psql -d postgres -c "create database \"${PG_DB}\"" >/dev/null \
            || die "could not create database ${PG_DB}"
    fi
}

cmd_start() {
    validate
    install_postgres
    ensure_os_user
    mkdir -p "$(dirname "$PGDATA_DIR")"
    # Serialise concurrent starts/stops on the same data dir.
    exec 9>"$LOCK_FILE"
    flock -w 120 9 || die "timed out waiting for lock ${LOCK_FILE}"

    local rc=0
    cluster_status || rc=$?
    case "$rc" in
        0)
            local port
            port=$(running_port)
            [[ "$port" == "$PG_PORT" ]] \
                || die "a server is already running on ${PGDATA_DIR} but on port ${port:-?}, not ${PG_PORT}; run '$0 stop' first"
            log "server already running on ${PG_HOST}:${PG_PORT} (${PGDATA_DIR}), reusing it"
            ;;
        3)
            local ver
            ver=$(cat "$PGDATA_DIR/PG_VERSION")
            [[ "$ver" == "$PG_MAJOR" ]] \
                || die "${PGDATA_DIR} holds a PostgreSQL ${ver} cluster, expected ${PG_MAJOR}; run '$0 stop' to remove it"
            start_cluster
            ;;
        *)
            init_cluster
            start_cluster
            ;;
    esac
    "$PG_BIN/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -t 30 \
        || die "server on ${PG_HOST}:${PG_PORT} is not accepting connections (log: ${LOG_FILE})"
    ensure_database
    conn_string >&3
}

cmd_stop() {
    validate
    [[ -e "$PGDATA_DIR" ]] || { log "nothing to stop: ${PGDATA_DIR} does not exist"; return 0; }
    exec 9>"$LOCK_FILE"
    flock -w 120 9 || die "timed out waiting for lock ${LOCK_FILE}"
    if cluster_status; then
        log "stopping server (${PGDATA_DIR})"
        as_pg "$PG_BIN/pg_ctl" stop -m fast -w -t 60 -D "$PGDATA_DIR" >/dev/null 2>&1 || {
            log "fast shutdown failed, trying immediate"
            as_pg "$PG_BIN/pg_ctl" stop -m immediate -w -t 30 -D "$PGDATA_DIR" >/dev/null 2>&1 \
                || die "could not stop the server on ${PGDATA_DIR}"
        }
    fi
    safe_remove_datadir
    rm -f "$LOCK_FILE"
    log "removed ${PGDATA_DIR}"
}

cmd_status() {
    validate
    if cluster_status; then
        log "running on ${PG_HOST}:$(running_port) (${PGDATA_DIR})"
    else
        log "not running (${PGDATA_DIR})"
        return 3
    fi
}

usage() {
    echo "usage: $0 {start|stop|url|status}" >&2
    exit 2
}

case "${1:-}" in
    start)  cmd_start ;;
    stop)   cmd_stop ;;
    url)    validate; conn_string >&3 ;;
    status) cmd_status ;;
    *)      usage ;;
esac
