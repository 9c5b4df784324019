# Modules importing other modules; each module body runs once.
import _mod_chain_a
import _mod_chain_b
print(_mod_chain_a.combined(), _mod_chain_b.base_value)
_mod_chain_b.base_value = 100
print(_mod_chain_a.combined(), _mod_chain_a.base_value)
print(_mod_chain_a._mod_chain_b is _mod_chain_b)
