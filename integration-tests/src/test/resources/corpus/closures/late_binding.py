# Closures capture variables, not values.
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(4):
    def make(j):
        return lambda: j
    funcs.append(make(i))
print([f() for f in funcs])
def outer():
    fs = []
    x = 1
    fs.append(lambda: x)
    x = 2
    fs.append(lambda: x * 10)
    x = 3
    return fs
print([f() for f in outer()])
def shared():
    value = []
    def push(v):
        value.append(v)
        return len(value)
    def peek():
        return value[-1] if value else None
    return push, peek
push, peek = shared()
print(peek(), push("a"), push("b"), peek())
