# nonlocal naming a variable no enclosing function defines.
def outer():
    a = 1
    def inner():
        nonlocal b
        b = 2
    inner()
    return a
print(outer())
