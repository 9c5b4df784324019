# An exception raised without arguments prints only its class name.
def check(v):
    if v < 0:
        raise ValueError
    return v
print(check(5))
print(check(-1))
