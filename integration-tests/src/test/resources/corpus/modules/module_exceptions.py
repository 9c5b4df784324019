# Exceptions defined in and raised from modules.
from _mod_errors import ModuleError, checked_div
import _mod_errors
print(checked_div(9, 3))
try:
    checked_div(1, 0)
except ModuleError as e:
    print("caught", type(e).__name__, e, e.code)
class LocalError(_mod_errors.ModuleError):
    pass
try:
    raise LocalError(3, "local")
except ModuleError as e:
    print("caught subclass", type(e).__name__, e)
try:
    _mod_errors.deep(5)
except IndexError as e:
    print("IndexError:", e)
