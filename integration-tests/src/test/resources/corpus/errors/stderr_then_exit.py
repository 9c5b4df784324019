# A program that reports a problem on stderr itself and exits with status 2.
import sys
def main(args):
    print("checking", len(args), "arguments")
    if len(args) < 3:
        print("usage: stderr_then_exit.py SRC DST", file=sys.stderr)
        print("error: missing arguments", file=sys.stderr)
        return 2
    return 0
sys.exit(main(sys.argv))
