# Helper module (not a program): imports another helper module.
import _mod_chain_b
from _mod_chain_b import base_value
print("loading _mod_chain_a")
def combined():
    return base_value * 2 + _mod_chain_b.offset()
