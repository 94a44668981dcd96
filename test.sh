#!/usr/bin/env bash
# Runs the whole suite against a throwaway PostgreSQL (FORUM_DB when set) and a throwaway Redis (FORUM_REDIS when set);
# stops what it started, also the Forum hosts and the proxy the scale-out tests run. Ends with: N passed, N failed, N skipped.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh
ensure_dotnet
# chromium-headless-shell: the browser tests drive Debian's headless Chromium with Playwright (no browser downloads; the
# shell takes a third of the full browser's CPU, docs/benchmarks.md "Test suite"); npm: the SignalR browser client.
# poppler-utils (pdfsig, pdftotext) and openssl (cms, ts): the minutes' signatures are checked with tools other than ours.
# redis-server and nginx: the scale-out tests run two hosts on one Redis behind the reverse proxy (docker/nginx).
# shellcheck disable=SC2086
apt_install $FONT_PACKAGES poppler-utils openssl chromium-headless-shell redis-server nginx || exit 1
command -v npm >/dev/null || apt_install npm || exit 1

work=$(mktemp -d /tmp/forum-test.XXXXXX)
chmod 755 "$work"
# The scale-out tests leave a pid file here for each process they start, so that nothing outlives the run.
export FORUM_TEST_PIDS="$work/pids"
mkdir -p "$FORUM_TEST_PIDS"
pgdir=""; redisdir=""
cleanup() {
  stop_pids "$FORUM_TEST_PIDS"
  [ -n "$redisdir" ] && redis_stop "$redisdir"
  [ -n "$pgdir" ] && pg_cluster_stop "$pgdir"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${FORUM_DB:-}" ]; then
  pgdir="$work/pg"
  port=$(free_port)
  # A throwaway cluster: fsync off is fine here, never for ./run.sh.
  pg_cluster_start "$pgdir" "$port" -c fsync=off -c synchronous_commit=off -c full_page_writes=off || exit 1
  ensure_database "$port" forum_test
  export FORUM_DB="Host=127.0.0.1;Port=$port;Database=forum_test;Username=postgres;Maximum Pool Size=200"
  log "PostgreSQL: throwaway cluster on port $port"
fi
if [ -z "${FORUM_REDIS:-}" ]; then
  redisdir="$work/redis"
  port=$(free_port)
  redis_start "$redisdir" "$port" || exit 1
  export FORUM_REDIS="127.0.0.1:$port"
  log "Redis: throwaway server on port $port"
fi

results="$work/results"
dotnet build Forum.sln -v q -nologo 2>&1 | grep -E "error|Build succeeded|Time Elapsed" | sort -u
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "0 passed, 1 failed, 0 skipped"; exit 1; fi
dotnet test Forum.sln --no-build --logger "trx;LogFileName=forum.trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  c=$(grep -o '<Counters [^>]*>' "$f")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$c"); passed=$((passed + p))
  x=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$c"); failed=$((failed + x))
  t=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$c"); e=$(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$c")
  skipped=$((skipped + t - e))
done
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
# FORUM_TEST_RESULTS=dir keeps the trx (each test's time) for reading after the run.
[ -n "${FORUM_TEST_RESULTS:-}" ] && mkdir -p "$FORUM_TEST_RESULTS" && cp "$results"/*.trx "$FORUM_TEST_RESULTS"/
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
