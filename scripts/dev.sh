#!/usr/bin/env bash
# The project's entry point on a fresh machine. It brings Node >= 22, installs the locked
# dependencies, generates the Prisma client and builds, each only when needed, then runs:
#   scripts/dev.sh start        the server on the embedded database (http://localhost:3000)
#   scripts/dev.sh test         the whole test suite (PGlite, then PostgreSQL if reachable)
#   scripts/dev.sh bench        the benchmarks
#   scripts/dev.sh bansou ARGS  any bansou command, e.g. `scripts/dev.sh bansou chat`
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node.sh
export npm_config_loglevel=error npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

stamp=node_modules/.bansou-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "bansou: installing dependencies (npm ci)…" >&2
  npm ci >&2
  cp package-lock.json "$stamp"
fi
if [ ! -f src/db/generated/client.ts ] || [ prisma/schema.prisma -nt src/db/generated/client.ts ]; then
  npm run --silent db:generate >&2
fi
npm run --silent build >&2

cmd="${1:-start}"
shift || true
case "$cmd" in
  start) exec node dist/src/cli/main.js start "$@" ;;
  test) exec bash scripts/test.sh "$@" ;;
  bench) exec node dist/scripts/bench.js "$@" ;;
  bansou) exec node dist/src/cli/main.js "$@" ;;
  *) echo "usage: scripts/dev.sh start|test|bench|bansou ARGS" >&2; exit 2 ;;
esac
