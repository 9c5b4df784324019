#!/usr/bin/env bash
# Floats allocated per benchmark iteration (alloc.floats) by the float programs, under the
# interpreter, no passes, allocation-removal alone, loop-peeling with it, and all passes:
# (count after 4 iterations - count after 2) / 2, so warm-up is left out. Prints the rows of
# the table in docs/performance.md ("Float allocation"). Counts, not times: no noise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
floats() { # config program iterations
  # shellcheck disable=SC2086
  "$ROOT/stitch" run $1 --stats-json="$TMP/s.json" "$ROOT/benchmarks/programs/$2.py" "$3" >/dev/null
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['alloc']['floats'])" "$TMP/s.json"
}
for p in nbody spectral_norm mandelbrot float; do
  line="| $p"
  for cfg in "--jit=off" "--jit-option passes=none" "--jit-option passes=allocation-removal" \
      "--jit-option passes=loop-peeling,allocation-removal" "--jit-option passes=all"; do
    a=$(floats "$cfg" "$p" 2)
    b=$(floats "$cfg" "$p" 4)
    line="$line | $(( (b - a) / 2 ))"
  done
  echo "$line |"
done
