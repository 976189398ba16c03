#!/usr/bin/env bash
# The browser and PDF tests' own set-up: Debian's Chromium (playwright's browser download does
# not work on these machines), a Japanese font, without which screenshots show empty boxes and
# the 求人票 PDF cannot be made, and poppler-utils (pdftotext, pdftoppm) to read the PDF back.
# Installs only what is missing, and only as root where apt-get exists; otherwise it says so
# and those tests skip themselves (or fail, when CI=true).
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list :lang=ja 2>/dev/null | grep -q . || need+=(fonts-ipafont-gothic)
{ command -v pdftotext && command -v pdftoppm; } >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bansou: installing ${need[*]} for the browser and PDF tests (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq "${need[@]}"; } >/tmp/bansou-browser-deps.log 2>&1; then
    echo "bansou: could not install ${need[*]}; see /tmp/bansou-browser-deps.log" >&2
    exit 1
  fi
else
  echo "bansou: ${need[*]} missing and not installable here (needs root and apt-get); browser and PDF tests will be skipped" >&2
fi
exit 0
