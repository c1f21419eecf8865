#!/usr/bin/env bash
# Prints the size of what a page downloads for the widget, raw and gzip -9
# (a report for now; the size budget is a later issue). Needs the wasm build.
set -euo pipefail
cd "$(dirname "$0")/../build/wasm/site"
total_raw=0
total_gz=0
printf '%-26s %10s %10s\n' file bytes gzip
for f in worker-stats.js worker-stats.css worker-stats-core.mjs worker-stats-core.wasm; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-26s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-26s %10d %10d\n' total "$total_raw" "$total_gz"
