#!/bin/sh
# Benchmark: a full build of every brief with nothing built (cold) against the same build when
# everything is up to date (warm: the content-hash records skip every render). Uses hyperfine
# (Debian package) when present, else plain `time`. Writes into a temporary output folder.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build="node --import tsx src/cli.ts build --out $out"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs "${RUNS:-5}" \
    --prepare "rm -rf $out/*" --prepare "true" \
    --command-name cold "$build" \
    --command-name warm "$build"
else
  rm -rf "${out:?}"/*; echo cold; time $build >/dev/null
  echo warm; time $build >/dev/null
fi
