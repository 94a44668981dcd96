#!/usr/bin/env bash
# Live fan-out and room-at-once benchmarks (issue 3, item 5). Not a test: ./test.sh does not run it.
# A throwaway PostgreSQL with fsync ON (acknowledgement latency is measured), Forum.Host (Release) and the bare SignalR
# baseline as separate processes on loopback ports, then the load generator; everything is stopped at the end.
# Options go to the load generator, e.g.  bench/run.sh --sizes 200,1000 --reps 5 --duration 20
# (see bench/Forum.Bench/BenchMain.cs), except --hosts N (default 1): N Forum hosts on the one PostgreSQL and a throwaway
# Redis (the SignalR backplane), with the participants and their submissions dealt out to them in turn, and --trace
# hh:mm:ss: a sampled profile (thread stacks at ~100 Hz) of Forum.Host 1 (dotnet-trace, from the repository's tool manifest) for that long from
# the load generator's start; its top methods go to bench/results/forum-host1.top.txt; and --counters: Forum.Host 1's
# runtime counters (thread pool queue and threads, GC, CPU) every second to <run>/forum-host1.counters.csv and bare.counters.csv.
# Results: bench/results/<time>/summary.md and results.json.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_dotnet
root=$(pwd)

command="bench/run.sh${*:+ $*}"
hosts=1; trace=""; counters=""; args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --hosts) hosts=${2:?--hosts needs a number}; shift 2 ;;
    --trace) trace=${2:?--trace needs a duration, hh:mm:ss}; shift 2 ;;
    --counters) counters=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
case "$hosts" in 1|2|3|4) ;; *) log "--hosts: 1 to 4"; exit 2 ;; esac

work=$(mktemp -d /tmp/forum-bench.XXXXXX)
chmod 755 "$work"
pgdir="$work/pg"
redisdir="$work/redis"
forum_pids=(); bare_pid=""
cleanup() {
  for pid in "${forum_pids[@]}" $bare_pid; do kill "$pid" 2>/dev/null; done
  for pid in "${forum_pids[@]}" $bare_pid; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  redis_stop "$redisdir"
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
# BENCH_PG_ARGS adds settings for a diagnostic run only (e.g. "-c synchronous_commit=off": what the wait for the disk costs).
# shellcheck disable=SC2086
pg_cluster_start "$pgdir" "$pgport" -c shared_buffers=256MB ${BENCH_PG_ARGS:-} || exit 1
ensure_database "$pgport" forum_bench
db="Host=127.0.0.1;Port=$pgport;Database=forum_bench;Username=postgres;Maximum Pool Size=100"
pg_pid=$(head -n 1 "$pgdir/postmaster.pid")
log "PostgreSQL: throwaway cluster on port $pgport (fsync on${BENCH_PG_ARGS:+; $BENCH_PG_ARGS})"

redis_env=()
if [ "$hosts" -gt 1 ]; then
  redis_port=$(free_port)
  redis_start "$redisdir" "$redis_port" || exit 1
  redis_env=("Redis__Connection=127.0.0.1:$redis_port")
  log "Redis (the SignalR backplane): throwaway server on port $redis_port"
fi

mkdir -p "$work/data"
forum_urls=()
for n in $(seq 1 "$hosts"); do
  port=$(free_port)
  while printf '%s\n' "${forum_urls[@]}" | grep -q ":$port\$"; do port=$(free_port); done
  mkdir -p "$work/host$n"
  # From a folder of its own: in Production the host writes the code it generates under ./Internal/Generated.
  # The hosts share the data directory (keys), as docker/compose.yaml's do.
  (cd "$work/host$n" && exec env FORUM_DB="$db" Forum__Schema=bench Forum__DataDirectory="$work/data" Forum__PublicUrl="http://127.0.0.1:$port" \
    "${redis_env[@]}" ASPNETCORE_ENVIRONMENT=Production Logging__Format=text Logging__LogLevel__Default=Warning \
    dotnet "$root/Forum.Host/bin/Release/net10.0/Forum.Host.dll" --urls "http://127.0.0.1:$port" >"$work/forum-host$n.log" 2>&1) &
  forum_pids+=($!)
  forum_urls+=("http://127.0.0.1:$port")
  log "Forum.Host $n pid ${forum_pids[-1]} on :$port"
done
bare_port=$(free_port)
while printf '%s\n' "${forum_urls[@]}" | grep -q ":$bare_port\$"; do bare_port=$(free_port); done
# The baseline gets the host's GC settings (server GC, as ASP.NET Core projects default to).
DOTNET_gcServer=1 dotnet bench/Forum.Bench/bin/Release/net10.0/Forum.Bench.dll bare-server --urls "http://127.0.0.1:$bare_port" \
  >"$work/bare-server.log" 2>&1 &
bare_pid=$!
log "bare SignalR baseline pid $bare_pid on :$bare_port"

# Host settings to try pass through the environment, e.g. Live__CoalesceMilliseconds=50 bench/run.sh ...
host_settings=$(env | grep -E '^(Live__|Forum__|DOTNET_GC|DOTNET_gc)' | sort | tr '\n' ' ' | sed 's/ $//')
join() { local IFS=,; echo "$*"; }
trace_pid=""
if [ -n "$trace" ]; then
  dotnet tool restore >/dev/null || { log "dotnet tool restore failed"; exit 1; }
  dotnet tool run dotnet-trace collect -p "${forum_pids[0]}" --profile dotnet-common,dotnet-sampled-thread-time --duration "$trace" \
    -o "$work/forum-host1.nettrace" >"$work/trace.log" 2>&1 &
  trace_pid=$!
  log "profiling Forum.Host 1 for $trace (dotnet-trace pid $trace_pid)"
fi
counters_pids=()
if [ -n "$counters" ]; then
  dotnet tool restore >/dev/null || { log "dotnet tool restore failed"; exit 1; }
  for who in "forum-host1:${forum_pids[0]}" "bare:$bare_pid"; do
    dotnet tool run dotnet-counters collect -p "${who#*:}" --counters System.Runtime --refresh-interval 1 --format csv \
      -o "$work/${who%%:*}.counters.csv" >"$work/${who%%:*}.counters.log" 2>&1 &
    counters_pids+=($!)
  done
  log "runtime counters of Forum.Host 1 and the bare server every second (thread pool, GC, CPU)"
fi
BENCH_COMMAND="${host_settings:+$host_settings }$command" timeout --signal=TERM 7200 \
  dotnet bench/Forum.Bench/bin/Release/net10.0/Forum.Bench.dll run \
  --forum "$(join "${forum_urls[@]}")" --forum-pid "$(join "${forum_pids[@]}")" \
  --bare "http://127.0.0.1:$bare_port" --bare-pid "$bare_pid" \
  --db "$db" --schema bench --pg-pid "$pg_pid" --out "$root/bench/results" "${args[@]}"
status=$?
if [ -n "$counters" ]; then
  # "dotnet tool run" does not pass a signal on, and the tool ignores an interrupt without a console: end the tools
  # themselves (their files are written line by line).
  pkill -TERM -f "dotnet-counters.dll collect -p (${forum_pids[0]}|$bare_pid) " 2>/dev/null; wait "${counters_pids[@]}"
  latest=$(ls -td "$root"/bench/results/2*/ | head -n 1)
  cp "$work"/*.counters.csv "$latest" 2>/dev/null
  log "counters: ${latest}forum-host1.counters.csv, ${latest}bare.counters.csv"
fi
if [ -n "$trace_pid" ]; then
  wait "$trace_pid"
  mkdir -p "$root/bench/results"
  cp "$work/forum-host1.nettrace" "$root/bench/results/" 2>/dev/null
  { echo "# exclusive"; dotnet tool run dotnet-trace report "$work/forum-host1.nettrace" topN -n 40
    echo "# inclusive"; dotnet tool run dotnet-trace report "$work/forum-host1.nettrace" topN -n 60 --inclusive
  } >"$root/bench/results/forum-host1.top.txt" 2>&1
  log "profile: bench/results/forum-host1.top.txt"
fi
for n in $(seq 1 "$hosts"); do
  kill -0 "${forum_pids[$((n - 1))]}" 2>/dev/null || log "Forum.Host $n exited early: see bench/results/forum-host$n.log"
done
exit $status
