# Uncaught exception whose class lives in another module.
import _mod_failing
print("calling into module")
try:
    _mod_failing.explode("first")
except _mod_failing.FailError as e:
    print("handled", e)
_mod_failing.explode("second")
