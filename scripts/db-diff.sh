#!/usr/bin/env bash
# Writes a new migration for the change to prisma/schema.prisma since FROM:
#   scripts/db-diff.sh add_company_note              # FROM = HEAD (the committed schema)
#   scripts/db-diff.sh add_company_note v0.3.0       # FROM = any git revision
#   scripts/db-diff.sh add_company_note old.prisma   # FROM = a schema file
# `prisma migrate diff` only compares the two schema files, but it still opens its adapter's
# database: DATABASE_URL, else the local PostgreSQL named in prisma.config.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node.sh

name=${1:?usage: scripts/db-diff.sh NAME [GIT_REV | OLD_SCHEMA_FILE]}
from=${2:-HEAD}
[[ $name =~ ^[a-z0-9_]+$ ]] || { echo "db-diff: NAME may hold only a-z, 0-9 and _" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -f "$from" ]; then cp "$from" "$tmp/old.prisma"; else git show "$from:prisma/schema.prisma" >"$tmp/old.prisma"; fi

# Any existing file here stops Prisma 6 from downloading a native engine (the old schema
# lies outside the project); the WASM engine and the pg adapter do the work.
PRISMA_QUERY_ENGINE_LIBRARY="$PWD/package.json" npx prisma migrate diff \
  --from-schema-datamodel "$tmp/old.prisma" --to-schema-datamodel prisma/schema.prisma --script >"$tmp/migration.sql"

if grep -q '^-- This is an empty migration' "$tmp/migration.sql"; then
  echo "db-diff: prisma/schema.prisma has not changed since $from; nothing written" >&2
  exit 1
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
mv "$tmp/migration.sql" "$dir/migration.sql"
echo "db-diff: wrote $dir/migration.sql; review it, then run the tests (they apply it)" >&2
