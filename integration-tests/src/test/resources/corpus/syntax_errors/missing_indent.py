# The body of a block is not indented.
def f(n):
    if n > 0:
    return n
    return -n
print(f(3))
