# import ... as ... for user and builtin modules.
import _mod_util as u
import math as m
import _mod_util as again
print(u.shout("alias"), m.floor(2.7), m.sqrt(81))
print(u is again, u.bump(10), again.counter)
from _mod_util import shout as yell, VERSION as ver
print(yell("x"), ver)
import sys as system
print(system.argv[0])
