# Helper module (not a program): imported by _mod_chain_a.
print("loading _mod_chain_b")
base_value = 21
def offset():
    return -2
