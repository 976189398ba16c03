#!/usr/bin/env bash
# Runs the suite on the embedded PGlite, then again on PostgreSQL when one is reachable
# (BANSOU_TEST_PG_URL, default postgresql://postgres@127.0.0.1:5432/postgres). Installs Chromium,
# a Japanese font and poppler-utils for the browser and PDF tests first when they are missing
# (scripts/browser-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
pg_url="${BANSOU_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"

# Chromium, the font and poppler-utils (Debian's packages); CI fails there if one is still missing.
bash scripts/browser-deps.sh || [ "${CI:-}" != "true" ]

echo "== tests on the embedded database (PGlite) ==" >&2
BANSOU_TEST_DB=pglite npx vitest run "$@"

if node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
" "$pg_url"; then
  echo "== tests on PostgreSQL ($pg_url) ==" >&2
  BANSOU_TEST_DB=postgres BANSOU_TEST_PG_URL="$pg_url" npx vitest run "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "bansou: PostgreSQL at $pg_url is not reachable; CI requires it" >&2
  exit 1
else
  echo "bansou: PostgreSQL at $pg_url is not reachable; skipped the PostgreSQL run" >&2
fi
