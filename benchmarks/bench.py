#!/usr/bin/env python3
"""Run the Stitch benchmark programs under Stitch, CPython and PyPy.

Every program in benchmarks/programs/ takes an iteration count as its only
argument and prints one line per iteration,

    <name> iteration <i>: <milliseconds> ms

followed by "<name>: OK" (or "FAILED: <reason>" and a non-zero exit status).
This script runs each program in fresh processes under every runner, keeps
the per-iteration times after a warm-up prefix, and prints a Markdown report
(command line, date, machine, versions, table, errors) that can be pasted
into docs/performance.md as is.

Runners are interleaved per program -- all runs of all runners for one
program, then the next program -- so that slow drifts of the machine affect
all of them alike.  Only the standard library is used.

Examples (from the repository root):

    python3 benchmarks/bench.py
    python3 benchmarks/bench.py --programs richards,nbody --runs 5
    python3 benchmarks/bench.py --stitch-config interp="--jit=off"
    python3 benchmarks/bench.py --stitch-cmd python3   # dry run of the script
"""

import argparse
import datetime
import json
import math
import os
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
PROGRAMS_DIR = os.path.join(BENCH_DIR, "programs")

# Canonical order of the table; programs found in PROGRAMS_DIR but not listed
# here are appended in alphabetical order.
PROGRAM_ORDER = [
    "richards", "deltablue", "nbody", "sieve", "towers", "permute", "queens",
    "list", "bounce", "mandelbrot", "storage", "spectral_norm", "fannkuch",
    "float", "nqueens", "raytrace", "chaos", "go",
]

ITERATION_LINE = re.compile(r"^(\S+) iteration (\d+): (\d+(?:\.\d+)?) ms\s*$")


class Runner:
    """One column of the table: a command prefix and how to label it."""

    def __init__(self, key, label, kind, argv):
        self.key = key          # short name, used in ratio headers and JSON
        self.label = label      # column header
        self.kind = kind        # "stitch", "cpython" or "pypy"
        self.argv = argv        # command prefix; FILE and N are appended

    def command(self, program_path, iterations):
        return self.argv + [program_path, str(iterations)]


# ---------------------------------------------------------------------------
# Environment description

def cpu_model():
    model = None
    count = 0
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("processor"):
                    count += 1
                elif model is None and line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    if model is None:
        import platform
        model = platform.processor() or platform.machine() or "unknown"
    if count:
        return "%s (%d logical CPUs)" % (model, count)
    return model


VERSION_PROBE = (
    "import platform, sys\n"
    "v = getattr(sys, 'pypy_version_info', None)\n"
    "print(platform.python_implementation(), platform.python_version(),"
    " '.'.join(str(x) for x in v[:3]) if v else '-')\n"
)


def python_version(executable):
    """(implementation, language version, PyPy version or None), or None."""
    try:
        out = subprocess.run([executable, "-c", VERSION_PROBE], capture_output=True,
                             text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    parts = out.stdout.split()
    if len(parts) != 3:
        return None
    return parts[0], parts[1], (None if parts[2] == "-" else parts[2])


# ---------------------------------------------------------------------------
# Running one process

def run_once(runner, program, path, iterations, timeout):
    """Run one process; return a dict with the per-iteration times or an
    error summary.  Never raises for problems of the runner."""
    cmd = runner.command(path, iterations)
    record = {"command": cmd, "returncode": None, "times_ms": [], "error": None,
              "wall_s": None, "stdout_tail": [], "stderr_tail": []}
    start = time.monotonic()
    try:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                text=True, errors="replace", start_new_session=True)
    except OSError as e:
        reason = e.strerror or str(e)
        if os.path.isdir(cmd[0]):
            reason += " (it is a directory, not a launcher)"
        record["error"] = "cannot start %s: %s" % (cmd[0], reason)
        return record
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        stdout, stderr = proc.communicate()
        record["wall_s"] = time.monotonic() - start
        record["returncode"] = proc.returncode
        record["error"] = "timeout after %g s" % timeout
        record["stdout_tail"] = stdout.splitlines()[-5:]
        record["stderr_tail"] = stderr.splitlines()[-5:]
        return record
    record["wall_s"] = time.monotonic() - start
    record["returncode"] = proc.returncode
    out_lines = stdout.splitlines()
    err_lines = stderr.splitlines()
    record["stdout_tail"] = out_lines[-5:]
    record["stderr_tail"] = err_lines[-5:]

    times = []
    failed = None
    ok = False
    for line in out_lines:
        m = ITERATION_LINE.match(line)
        if m and m.group(1) == program:
            times.append(float(m.group(3)))
        elif line.startswith("FAILED"):
            failed = failed or line.strip()
        elif line.strip() == program + ": OK":
            ok = True
    record["times_ms"] = times

    if failed is not None:
        record["error"] = failed
    elif proc.returncode != 0:
        detail = summarize_stderr(err_lines, out_lines)
        detail = (": " + detail) if detail else ""
        if proc.returncode < 0:
            record["error"] = "killed by signal %d%s" % (-proc.returncode, detail)
        else:
            record["error"] = "exit code %d%s" % (proc.returncode, detail)
    elif len(times) != iterations:
        record["error"] = "missing output: %d of %d iteration lines" % (len(times), iterations)
    elif not ok:
        record["error"] = "missing output: no '%s: OK' line" % program
    if record["error"] is not None and len(record["error"]) > 300:
        record["error"] = record["error"][:297] + "..."
    return record


def summarize_stderr(err_lines, out_lines):
    """The most telling line of a failed process's output: the exception line
    ending a Python traceback, otherwise the first line of stderr (e.g. a
    usage message or a Java exception), otherwise the last line of stdout."""
    err = [l.strip() for l in err_lines if l.strip()]
    if err:
        if any(l.startswith("Traceback") for l in err):
            return err[-1]
        return err[0]
    out = [l.strip() for l in out_lines if l.strip()]
    return out[-1] if out else ""


# ---------------------------------------------------------------------------
# Statistics and formatting

def geometric_mean(values):
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_ms(value):
    if value is None:
        return "error"
    return "%.2f" % value


def fmt_ratio(value):
    if value is None:
        return "n/a"
    return "%.3f" % value


def markdown_table(header, rows, align):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join(":---" if a == "l" else "---:" for a in align) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return lines


def discover_programs():
    found = sorted(name[:-3] for name in os.listdir(PROGRAMS_DIR)
                   if name.endswith(".py") and not name.startswith("_"))
    ordered = [p for p in PROGRAM_ORDER if p in found]
    return ordered + [p for p in found if p not in ordered]


# ---------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Run the benchmark programs under Stitch, CPython and PyPy "
                    "and print a Markdown report.")
    p.add_argument("--programs", help="comma-separated program names (default: all)")
    p.add_argument("--iterations", type=int, default=10,
                   help="iterations per process run (default 10)")
    p.add_argument("--runs", type=int, default=3,
                   help="process runs per runner and program (default 3)")
    p.add_argument("--warmup", type=int, default=None,
                   help="iterations discarded at the start of each run "
                        "(default: half of --iterations)")
    p.add_argument("--timeout", type=float, default=600.0,
                   help="seconds allowed per process run (default 600)")
    p.add_argument("--stitch-cmd", default=None,
                   help="command that runs a program under Stitch, FILE and N "
                        "are appended (default: '<repo>/stitch run')")
    p.add_argument("--stitch-config", action="append", default=[], metavar="NAME=EXTRA_ARGS",
                   help="an additional Stitch column: EXTRA_ARGS are inserted "
                        "between the Stitch command and FILE N; repeatable; "
                        "NAME 'stitch' replaces the default configuration")
    p.add_argument("--no-stitch", action="store_true", help="do not run Stitch at all")
    p.add_argument("--cpython", default="python3", help="CPython executable (default python3)")
    p.add_argument("--pypy", default="pypy3",
                   help="PyPy executable, used when found on PATH (default pypy3)")
    p.add_argument("--no-pypy", action="store_true", help="do not run PyPy")
    p.add_argument("--json", metavar="PATH", help="write raw results as JSON to PATH")
    p.add_argument("--markdown", metavar="PATH", help="also write the report to PATH")
    args = p.parse_args(argv)
    if args.iterations < 1:
        p.error("--iterations must be at least 1")
    if args.runs < 1:
        p.error("--runs must be at least 1")
    if args.warmup is None:
        args.warmup = args.iterations // 2
    if args.warmup < 0 or args.warmup >= args.iterations:
        p.error("--warmup must be in [0, iterations)")
    return args


def build_runners(args):
    runners = []
    notes = []
    if not args.no_stitch:
        if args.stitch_cmd is not None:
            base = shlex.split(args.stitch_cmd)
        else:
            base = [os.path.join(REPO_ROOT, "stitch"), "run"]
        configs = [("stitch", [])]
        for spec in args.stitch_config:
            if "=" not in spec:
                raise SystemExit("bench.py: --stitch-config needs NAME=EXTRA_ARGS, got %r" % spec)
            name, extra = spec.split("=", 1)
            name = name.strip()
            if not name or not re.match(r"^[A-Za-z0-9_.+-]+$", name):
                raise SystemExit("bench.py: bad --stitch-config name %r" % name)
            configs = [c for c in configs if c[0] != name]
            configs.append((name, shlex.split(extra)))
        for name, extra in configs:
            runners.append(Runner(name, name, "stitch", base + extra))
            notes.append("Stitch `%s`: `%s FILE N`" % (name, shlex.join(base + extra)))

    cpython_path = shutil.which(args.cpython) or args.cpython
    v = python_version(cpython_path)
    if v is None:
        label = "CPython"
        notes.append("CPython: `%s` (version unknown; it may not run)" % args.cpython)
    else:
        label = "%s %s" % ("CPython" if v[0] == "CPython" else v[0], v[1])
        notes.append("%s %s: `%s`" % (v[0], v[1], cpython_path))
    runners.append(Runner("cpython", label, "cpython", [args.cpython]))

    if not args.no_pypy:
        pypy_path = shutil.which(args.pypy)
        if pypy_path is None:
            notes.append("PyPy: `%s` not found on PATH, not run" % args.pypy)
        else:
            v = python_version(pypy_path)
            if v is None:
                label = "PyPy"
                notes.append("PyPy: `%s` (version unknown)" % pypy_path)
            else:
                label = "PyPy %s" % (v[2] or v[1])
                notes.append("PyPy %s (Python %s): `%s`" % (v[2] or "?", v[1], pypy_path))
            runners.append(Runner("pypy", label, "pypy", [args.pypy]))
    return runners, notes


def main(argv):
    args = parse_args(argv)
    available = discover_programs()
    if args.programs:
        programs = [p.strip() for p in args.programs.split(",") if p.strip()]
        unknown = [p for p in programs if p not in available]
        if unknown:
            raise SystemExit("bench.py: unknown program(s): %s (available: %s)"
                             % (", ".join(unknown), ", ".join(available)))
    else:
        programs = available
    runners, runner_notes = build_runners(args)

    command_line = shlex.join(["python3"] + sys.argv)
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    cpu = cpu_model()

    # results[program][runner.key] = {"runs": [...], "median_ms": x, "error": str}
    results = {}
    for program in programs:
        path = os.path.join(PROGRAMS_DIR, program + ".py")
        per_runner = {r.key: {"runs": [], "median_ms": None, "error": None} for r in runners}
        for run_index in range(args.runs):
            for r in runners:
                entry = per_runner[r.key]
                if entry["error"] is not None:
                    continue  # already failed on this program: skip the remaining runs
                rec = run_once(r, program, path, args.iterations, args.timeout)
                entry["runs"].append(rec)
                if rec["error"] is not None:
                    entry["error"] = "%s (run %d of %d)" % (rec["error"], run_index + 1, args.runs)
                    status = "error: " + rec["error"]
                else:
                    kept = rec["times_ms"][args.warmup:]
                    status = "median %.2f ms" % statistics.median(kept)
                print("[%s] %s run %d/%d: %s" % (program, r.key, run_index + 1, args.runs, status),
                      file=sys.stderr, flush=True)
        for r in runners:
            entry = per_runner[r.key]
            if entry["error"] is None:
                pooled = []
                for rec in entry["runs"]:
                    pooled.extend(rec["times_ms"][args.warmup:])
                entry["median_ms"] = statistics.median(pooled)
        results[program] = per_runner

    # ---- report ----------------------------------------------------------
    cpython = [r for r in runners if r.kind == "cpython"][0]
    ratio_runners = [r for r in runners if r.kind != "cpython"]
    header = ["program"] + ["%s (ms)" % r.label for r in runners] + \
             ["%s/cpython" % r.key for r in ratio_runners]
    align = ["l"] + ["r"] * (len(header) - 1)
    rows = []
    ratios = {r.key: [] for r in ratio_runners}
    errors = []
    for program in programs:
        row = [program]
        for r in runners:
            entry = results[program][r.key]
            row.append(fmt_ms(entry["median_ms"]))
            if entry["error"] is not None:
                errors.append("- `%s` under %s: %s" % (program, r.label, entry["error"]))
        base = results[program][cpython.key]["median_ms"]
        for r in ratio_runners:
            value = results[program][r.key]["median_ms"]
            if value is None or base is None or base <= 0 or value <= 0:
                row.append("n/a")
            else:
                ratio = value / base
                ratios[r.key].append(ratio)
                row.append(fmt_ratio(ratio))
        rows.append(row)
    geo_row = ["**geomean**"] + [""] * len(runners)
    geo_notes = []
    for r in ratio_runners:
        g = geometric_mean(ratios[r.key])
        geo_row.append(fmt_ratio(g) if g is None else "**%s**" % fmt_ratio(g))
        if 0 < len(ratios[r.key]) < len(programs):
            geo_notes.append("%s/cpython geomean is over %d of %d programs."
                             % (r.key, len(ratios[r.key]), len(programs)))
    if ratio_runners:
        rows.append(geo_row)

    report = []
    report.append("- Command: `%s`" % command_line)
    report.append("- Date: %s" % date)
    report.append("- CPU: %s" % cpu)
    for note in runner_notes:
        report.append("- " + note)
    report.append("- Method: %d process run(s) per runner and program, %d iterations each, "
                  "first %d iteration(s) of every run discarded as warm-up; each cell is the "
                  "median per-iteration time in ms over the remaining iterations of all runs; "
                  "ratios are runner time / CPython time (lower is faster); runners "
                  "interleaved per program." % (args.runs, args.iterations, args.warmup))
    report.append("")
    report.extend(markdown_table(header, rows, align))
    if geo_notes:
        report.append("")
        report.extend(geo_notes)
    if errors:
        report.append("")
        report.append("Errors:")
        report.append("")
        report.extend(errors)
    text = "\n".join(report) + "\n"
    sys.stdout.write(text)
    sys.stdout.flush()

    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    if args.json:
        raw = {
            "command": command_line,
            "date": date,
            "cpu": cpu,
            "iterations": args.iterations,
            "runs": args.runs,
            "warmup": args.warmup,
            "timeout_s": args.timeout,
            "runners": [{"key": r.key, "label": r.label, "kind": r.kind, "argv": r.argv}
                        for r in runners],
            "programs": programs,
            "results": results,
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(raw, f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
