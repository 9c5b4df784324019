# break outside a loop.
def f():
    return 1
if f():
    break
