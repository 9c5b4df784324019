# Callable instances and builtins passed as functions.
funcs = [len, str, repr, abs, bool, type, sorted, list, tuple, set, sum, min, max]
for f in funcs:
    try:
        print(f.__name__, f([3, 1, 2]))
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
pairs = [("int", int), ("float", float), ("str", str)]
for name, t in pairs:
    print(name, t("1"), type(t("1")).__name__)
