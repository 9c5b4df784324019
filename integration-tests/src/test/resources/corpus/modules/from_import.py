# from module import names: names are bound copies of module attributes.
from _mod_util import bump, counter, describe, Greeter
import _mod_util
print(counter, bump(), bump(), counter, _mod_util.counter)
print(describe())
counter = 99
print(counter, _mod_util.counter)
print(Greeter("from-import").greet())
from math import pi, sqrt, floor
print(round(pi, 5), sqrt(2), floor(-0.5))
try:
    from _mod_util import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).startswith("cannot import name 'does_not_exist' from '_mod_util'"))
