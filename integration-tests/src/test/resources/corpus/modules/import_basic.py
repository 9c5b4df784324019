# import of a helper module in the script's directory.
print("before import")
import _mod_util
print("after import")
print(_mod_util.VERSION, _mod_util.shout("hi"), _mod_util.describe())
print(_mod_util.bump(), _mod_util.bump(5), _mod_util.counter)
g = _mod_util.Greeter("stitch")
print(g.greet(), type(g).__name__, _mod_util.__name__)
_mod_util.GREETING = "goodbye"
print(g.greet())
import _mod_util
print(_mod_util.counter, _mod_util.describe())
