# Re-raising with bare raise and raising instances vs classes.
def risky(n):
    if n < 0:
        raise ValueError
    if n == 0:
        raise ZeroDivisionError("zero!")
    return 10 / n
def wrapper(n):
    try:
        return risky(n)
    except ZeroDivisionError:
        print("  logging then re-raising")
        raise
for n in [2, 0, -1]:
    try:
        print(wrapper(n))
    except ZeroDivisionError as e:
        print("caught", repr(e), e.args)
    except ValueError as e:
        print("caught class-raised", repr(e), e.args, str(e) == "")
try:
    try:
        raise IndexError("first")
    except IndexError as e:
        err = e
    raise err
except IndexError as e2:
    print("same object", e2 is err)
try:
    raise TypeError("a", 1, [2])
except TypeError as e:
    print(e, e.args, repr(e))
