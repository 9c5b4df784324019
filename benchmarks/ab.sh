#!/usr/bin/env bash
# A/B timing of Stitch jars on one benchmark program: ROUNDS rounds, each running every jar in
# turn in a fresh JVM (interleaved, so drift hits all alike) for ITERS iterations. Per process,
# the median of the last ITERS/2 iteration times; per jar, the median of those, then each
# process's value. Each jar runs through the ./stitch launcher (STITCH_JAR), with its JVM flags.
#   usage: benchmarks/ab.sh ROUNDS ITERS PROGRAM JAR... [-- STITCH-ARGS...]
#   e.g.   benchmarks/ab.sh 4 10 nbody /tmp/before.jar /tmp/after.jar
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=$1 iters=$2 prog=$3
shift 3
jars=()
while (($#)) && [[ $1 != -- ]]; do jars+=("$1"); shift; done
(($#)) && shift
declare -A times
for _ in $(seq "$rounds"); do
  for jar in "${jars[@]}"; do
    t=$(STITCH_JAR="$jar" "$ROOT/stitch" run "$@" "$ROOT/benchmarks/programs/$prog.py" "$iters" \
        | grep -o '[0-9.]* ms' | awk '{print $1}' | tail -n $((iters / 2)) | sort -n \
        | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    times[$jar]="${times[$jar]:-} $t"
  done
done
for jar in "${jars[@]}"; do
  m=$(tr ' ' '\n' <<<"${times[$jar]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$jar median=$m :${times[$jar]}"
done
