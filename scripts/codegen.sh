#!/usr/bin/env bash
# Writes again the code Wolverine generates for every handler and endpoint (ADR 0024), into
# Forum.Host/Internal/Generated, which is checked in and loaded at start instead of compiled.
# Run it after adding or changing a handler or an endpoint; GeneratedCodeTests fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_dotnet
# The old files would not compile against a changed handler, so they go first.
rm -rf Forum.Host/Internal/Generated
# Generating connects to nothing; the host only needs a connection string to be built.
FORUM_DB="${FORUM_DB:-Host=127.0.0.1;Port=1;Database=codegen;Username=postgres}" \
  dotnet run --project Forum.Host -v q -- codegen write | grep -c "Wrote generated code file" | sed 's/$/ files written to Forum.Host\/Internal\/Generated/'
