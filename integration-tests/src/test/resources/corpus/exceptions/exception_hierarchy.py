# Catching via base classes and tuples.
def trigger(kind):
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 / 0
    if kind == "overflow":
        return float(10 ** 400)
    if kind == "name":
        return missing_name
    if kind == "unbound":
        def f():
            v = v + 1
        return f()
    if kind == "recursion":
        raise RecursionError("simulated")
    if kind == "notimpl":
        raise NotImplementedError("todo")
for kind in ["key", "index", "zero", "overflow", "name", "unbound", "recursion", "notimpl"]:
    try:
        trigger(kind)
    except LookupError as e:
        print(kind, "LookupError family:", type(e).__name__, e)
    except ArithmeticError as e:
        print(kind, "ArithmeticError family:", type(e).__name__, e)
    except NameError as e:
        print(kind, "NameError family:", type(e).__name__, e)
    except RuntimeError as e:
        print(kind, "RuntimeError family:", type(e).__name__, e)
try:
    raise KeyError("x")
except (ValueError, KeyError) as e:
    print("tuple catch", repr(e))
try:
    raise MemoryError("fake oom")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, Exception))
