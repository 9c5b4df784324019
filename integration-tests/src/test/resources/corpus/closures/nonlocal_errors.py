# UnboundLocalError when assigning without nonlocal.
def outer():
    n = 0
    def bad():
        n += 1
        return n
    def good():
        nonlocal n
        n += 1
        return n
    try:
        bad()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    print(good(), good(), n)
outer()
x = 10
def g():
    try:
        x += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e, isinstance(e, NameError))
g()
print(x)
