# sys.exit with an integer status prints nothing to stderr.
import sys
def main():
    print("doing work")
    errors = 3
    if errors:
        print("exiting with", errors)
        sys.exit(errors)
    print("unreachable")
main()
