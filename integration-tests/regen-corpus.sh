#!/usr/bin/env bash
# Regenerates the expected results of the differential test corpus with CPython 3.11.
#
# For every program corpus/<topic>/<name>.py (names starting with "_" and files in
# deeper subdirectories are helper modules, not programs) this runs
#     cd corpus/<topic> && python3 <name>.py [args from <name>.args, one per line]
# and writes
#     <name>.out      exact stdout bytes (always written, may be empty)
#     <name>.err      last non-blank line of stderr + newline, or empty if stderr is empty
#                     (only if the exit code is not 0)
#     <name>.exit     exit code as text               (only if the exit code is not 0)
#     <name>.errline  the '  File "<name>.py", line N' line (only for SyntaxError and subclasses;
#                     CPython prints the script's absolute path there, the directory part is removed)
# Stale .err/.exit/.errline files are removed. Each program is run twice with different
# PYTHONHASHSEED values; the script fails if the two runs disagree (nondeterminism), if a
# program uses more than 0.5 s of CPU time, or if a program exits 0 but writes to stderr.
#
# Usage: integration-tests/regen-corpus.sh [program.py ...]   (default: the whole corpus)
set -u -o pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="$here/src/test/resources/corpus"
PY="${PYTHON:-python3}"

version="$("$PY" --version 2>&1)"
case "$version" in
  "Python 3.11."*) ;;
  *) echo "regen-corpus.sh: need CPython 3.11.x, but '$PY --version' says: $version" >&2; exit 2 ;;
esac
if [ "$("$PY" -c 'import sys; print(sys.implementation.name)')" != "cpython" ]; then
  echo "regen-corpus.sh: $PY is not CPython" >&2; exit 2
fi

export PYTHONDONTWRITEBYTECODE=1 PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8
unset PYTHONPATH PYTHONSTARTUP PYTHONWARNINGS PYTHONINSPECT PYTHONUTF8 PYTHONHOME

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if [ "$#" -gt 0 ]; then
  programs=()
  for p in "$@"; do
    case "$(basename "$p")" in
      _*) echo "skipping helper module $p" >&2 ;;
      *.py) programs+=("$(cd "$(dirname "$p")" && pwd)/$(basename "$p")") ;;
      *) echo "not a .py program: $p" >&2; exit 2 ;;
    esac
  done
else
  mapfile -t programs < <(find "$corpus" -mindepth 2 -maxdepth 2 -name '*.py' ! -name '_*' | LC_ALL=C sort)
fi

count=0; failed=0; problems=0
for prog in "${programs[@]}"; do
  dir="$(dirname "$prog")"; file="$(basename "$prog")"; base="${prog%.py}"
  args=()
  if [ -f "$base.args" ]; then mapfile -t args < "$base.args"; fi
  run() { # $1 = hash seed, $2 = output prefix; CPU seconds (user+sys) go to $2.cpu
    local TIMEFORMAT='%3U %3S'
    { time ( cd "$dir" && PYTHONHASHSEED="$1" timeout 20 "$PY" "$file" "${args[@]}" \
        >"$2.stdout" 2>"$2.stderr" </dev/null; echo $? > "$2.rc" ) ; } 2> "$2.cpu"
  }
  run 0 "$tmp/a"
  run 12345 "$tmp/b"
  # CPU time rather than wall-clock time, so that a busy machine does not cause false alarms.
  elapsed=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$tmp/a.cpu")
  rc="$(cat "$tmp/a.rc")"
  if ! cmp -s "$tmp/a.stdout" "$tmp/b.stdout" || ! cmp -s "$tmp/a.rc" "$tmp/b.rc" \
     || [ "$(tail -n 1 "$tmp/a.stderr")" != "$(tail -n 1 "$tmp/b.stderr")" ]; then
    echo "NONDETERMINISTIC: ${prog#"$corpus"/}" >&2; problems=$((problems + 1))
  fi
  if [ "$rc" = 124 ]; then
    echo "TIMEOUT (20 s): ${prog#"$corpus"/}" >&2; problems=$((problems + 1))
  fi
  if [ "$elapsed" -gt 500 ]; then
    echo "SLOW (${elapsed} ms CPU): ${prog#"$corpus"/}" >&2; problems=$((problems + 1))
  fi
  cp "$tmp/a.stdout" "$base.out"
  rm -f "$base.err" "$base.exit" "$base.errline"
  if [ "$rc" != 0 ]; then
    failed=$((failed + 1))
    echo "$rc" > "$base.exit"
    last="$(grep -v '^[[:space:]]*$' "$tmp/a.stderr" | tail -n 1 || true)"
    if [ -n "$last" ]; then printf '%s\n' "$last" > "$base.err"; else : > "$base.err"; fi
    case "$last" in
      SyntaxError:*|IndentationError:*|TabError:*)
        # CPython 3.11 prints the absolute path of the script; keep only the file name.
        line="$(grep '^  File "' "$tmp/a.stderr" | tail -n 1)"
        printf '%s\n' "${line/"\"$dir/"/\"}" > "$base.errline" ;;
    esac
  elif [ -s "$tmp/a.stderr" ]; then
    echo "WARNING: exit 0 but stderr not empty: ${prog#"$corpus"/}" >&2; problems=$((problems + 1))
  fi
  count=$((count + 1))
done
echo "regen-corpus.sh: $count programs ($failed with nonzero exit), $problems problem(s)"
[ "$problems" -eq 0 ]
