#!/usr/bin/env bash
# Runs Forum on http://localhost:5080. Uses FORUM_DB when set, else a private PostgreSQL cluster under .data/pg
# (created once, kept, reused). `./run.sh stop` stops that cluster; `./run.sh --demo` seeds a demo forum.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

root=$(pwd)
pgdir="$root/.data/pg"
if [ "${1:-}" = "stop" ]; then pg_cluster_stop "$pgdir"; log "stopped the private PostgreSQL cluster"; exit 0; fi
demo=""; args=()
for a in "$@"; do if [ "$a" = "--demo" ]; then demo=1; else args+=("$a"); fi; done

ensure_dotnet
# shellcheck disable=SC2086
apt_install $FONT_PACKAGES
# npm: the build installs the SignalR browser client from the npm registry.
command -v npm >/dev/null || apt_install npm

if [ -z "${FORUM_DB:-}" ] && [ -z "${ConnectionStrings__Forum:-}" ]; then
  port=$(pg_cluster_port "$pgdir"); port=${port:-$(cat "$root/.data/pg.port" 2>/dev/null || free_port)}
  mkdir -p "$root/.data"; echo "$port" > "$root/.data/pg.port"
  pg_cluster_start "$pgdir" "$port"
  ensure_database "$port" forum
  export FORUM_DB="Host=127.0.0.1;Port=$port;Database=forum;Username=postgres"
  log "PostgreSQL: private cluster on port $port (./run.sh stop stops it)"
fi

export Forum__SecretariatEmail="${Forum__SecretariatEmail:-secretariat@forum.local}"
export Forum__PublicUrl="${Forum__PublicUrl:-http://localhost:5080}"
export Forum__PrintSignInLinkOnStart="${Forum__PrintSignInLinkOnStart:-true}"
export Forum__DataDirectory="${Forum__DataDirectory:-$root/.data}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Logging__Format=text

log "building"
dotnet build Forum.Host/Forum.Host.csproj -c Release -v q -nologo >/dev/null
host=Forum.Host/bin/Release/net10.0/Forum.Host.dll
if [ -n "$demo" ]; then
  log "seeding the demo forum"
  # Quiet: only warnings, and nothing from pushes to live pages (none are connected while seeding).
  seedlog=$(mktemp)
  # The command line lists the assemblies it searched; show only the demo's links (or everything if seeding failed).
  if env Logging__LogLevel__Default=Warning "Logging__LogLevel__Forum.Host.Live=None" dotnet "$host" seed-demo >"$seedlog" 2>&1; then
    sed -n '/^Demo forum/,$p' "$seedlog"; rm -f "$seedlog"
  else
    cat "$seedlog"; rm -f "$seedlog"; exit 1
  fi
fi
log "serving on $Forum__PublicUrl (Ctrl+C stops)"
exec dotnet "$host" --urls "${FORUM_URLS:-http://localhost:5080}" "${args[@]}"
