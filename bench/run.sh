#!/usr/bin/env bash
# Live fan-out and room-at-once benchmarks (issue 3, item 5). Not a test: ./test.sh does not run it.
# A throwaway PostgreSQL with fsync ON (acknowledgement latency is measured), Forum.Host (Release) and the bare SignalR
# baseline as separate processes on loopback ports, then the load generator; everything is stopped at the end.
# Options go to the load generator, e.g.  bench/run.sh --sizes 200,1000 --reps 5 --duration 20
# (see bench/Forum.Bench/BenchMain.cs). Results: bench/results/<time>/summary.md and results.json.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_dotnet
root=$(pwd)

work=$(mktemp -d /tmp/forum-bench.XXXXXX)
chmod 755 "$work"
pgdir="$work/pg"
forum_pid=""; bare_pid=""
cleanup() {
  for pid in $forum_pid $bare_pid; do kill "$pid" 2>/dev/null; done
  for pid in $forum_pid $bare_pid; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  pg_cluster_stop "$pgdir"
  mkdir -p "$root/bench/results"
  cp "$work"/*.log "$root/bench/results/" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (Release)"
dotnet build Forum.Host/Forum.Host.csproj -c Release -v q -nologo >/dev/null || { log "build failed"; exit 1; }
dotnet build bench/Forum.Bench/Forum.Bench.csproj -c Release -v q -nologo >/dev/null || { log "build failed"; exit 1; }

pgport=$(free_port)
# fsync and synchronous_commit stay on (the defaults): a 202 means the submission is on disk.
pg_cluster_start "$pgdir" "$pgport" -c shared_buffers=256MB || exit 1
ensure_database "$pgport" forum_bench
db="Host=127.0.0.1;Port=$pgport;Database=forum_bench;Username=postgres;Maximum Pool Size=100"
pg_pid=$(head -n 1 "$pgdir/postmaster.pid")
log "PostgreSQL: throwaway cluster on port $pgport (fsync on)"

forum_port=$(free_port)
bare_port=$(free_port)
while [ "$bare_port" = "$forum_port" ]; do bare_port=$(free_port); done

mkdir -p "$work/data"
# From the work folder: in Production the host writes the code it generates under ./Internal/Generated.
(cd "$work" && exec env FORUM_DB="$db" Forum__Schema=bench Forum__DataDirectory="$work/data" Forum__PublicUrl="http://127.0.0.1:$forum_port" \
  ASPNETCORE_ENVIRONMENT=Production Logging__Format=text Logging__LogLevel__Default=Warning \
  dotnet "$root/Forum.Host/bin/Release/net10.0/Forum.Host.dll" --urls "http://127.0.0.1:$forum_port" >"$work/forum-host.log" 2>&1) &
forum_pid=$!
# The baseline gets the host's GC settings (server GC, as ASP.NET Core projects default to).
DOTNET_gcServer=1 dotnet bench/Forum.Bench/bin/Release/net10.0/Forum.Bench.dll bare-server --urls "http://127.0.0.1:$bare_port" \
  >"$work/bare-server.log" 2>&1 &
bare_pid=$!
log "Forum.Host pid $forum_pid on :$forum_port; bare SignalR baseline pid $bare_pid on :$bare_port"

# Host settings to try pass through the environment, e.g. Live__CoalesceMilliseconds=50 bench/run.sh ...
host_settings=$(env | grep -E '^(Live__|Forum__)' | sort | tr '\n' ' ' | sed 's/ $//')
BENCH_COMMAND="${host_settings:+$host_settings }bench/run.sh${*:+ $*}" timeout --signal=TERM 7200 \
  dotnet bench/Forum.Bench/bin/Release/net10.0/Forum.Bench.dll run \
  --forum "http://127.0.0.1:$forum_port" --forum-pid "$forum_pid" \
  --bare "http://127.0.0.1:$bare_port" --bare-pid "$bare_pid" \
  --db "$db" --schema bench --pg-pid "$pg_pid" --out "$root/bench/results" "$@"
status=$?
kill -0 "$forum_pid" 2>/dev/null || log "Forum.Host exited early: see bench/results/forum-host.log"
exit $status
