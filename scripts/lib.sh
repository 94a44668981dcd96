# Shared by run.sh and test.sh: what a fresh machine of this kind lacks, installed; a private PostgreSQL cluster.
# shellcheck shell=bash

# Every face the minutes' PDF embeds (Forum.Host/Minutes/Publishing/MinutesFonts.cs): upright in core, italics in extra.
FONT_PACKAGES="fonts-dejavu-core fonts-dejavu-extra"

log() { printf '\033[1m[forum]\033[0m %s\n' "$*" >&2; }

apt_updated=""
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    log "missing packages: ${missing[*]} (install them, or run as root)"; return 1
  fi
  local SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  log "installing ${missing[*]} (apt-get)"
  if [ -z "$apt_updated" ]; then $SUDO apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bin() {
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$d" ]; then apt_install postgresql; d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1); fi
  echo "$d"
}

# Runs a PostgreSQL tool as the postgres user when we are root (initdb and pg_ctl refuse root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# pg_cluster_start DIR PORT [extra postgres options]: create once, start when not running. Prints nothing.
pg_cluster_start() {
  local dir=$1 port=$2; shift 2
  local bin; bin=$(pg_bin)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir" 2>/dev/null || true
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "creating a PostgreSQL cluster in $dir"
    as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 $*" start >/dev/null
  fi
}

pg_cluster_stop() {
  local dir=$1 bin; bin=$(pg_bin)
  [ -f "$dir/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
}

pg_cluster_port() { sed -n 4p "$1/postmaster.pid" 2>/dev/null || true; }

ensure_database() {
  local port=$1 db=$2
  psql -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$port" -U postgres -qc "create database \"$db\"" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || { log "the .NET 10 SDK is needed (dotnet on PATH)"; exit 1; }
}

# redis_start DIR PORT: a throwaway Redis for the SignalR backplane (nothing persisted); its pid in DIR/redis.pid.
redis_start() {
  local dir=$1 port=$2
  command -v redis-server >/dev/null || apt_install redis-server || return 1
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize yes \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" || return 1
  for _ in $(seq 1 100); do
    [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ] && return 0
    sleep 0.05
  done
  log "Redis did not start: see $dir/redis.log"; return 1
}

redis_stop() {
  local pid; pid=$(cat "$1/redis.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || true
}

# stop_pids DIR: stops the processes whose pid files (*.pid) a run left in DIR (hosts the tests started), then removes them.
stop_pids() {
  local f pid
  for f in "$1"/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f"); kill -9 "$pid" 2>/dev/null || true; rm -f "$f"
  done
}
