# BaseException subclasses are not caught by except Exception.
def raise_it(exc):
    try:
        raise exc
    except Exception as e:
        return "Exception caught " + type(e).__name__
    except BaseException as e:
        return "BaseException caught " + type(e).__name__
for exc in [ValueError("v"), KeyboardInterrupt(), SystemExit(2), StopIteration(), MemoryError()]:
    print(raise_it(exc))
try:
    raise SystemExit(0)
except SystemExit as e:
    print("SystemExit code", e.code)
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("sys.exit code", e.code, repr(e))
try:
    sys.exit("message")
except SystemExit as e:
    print("sys.exit message", e.code)
print("still running")
