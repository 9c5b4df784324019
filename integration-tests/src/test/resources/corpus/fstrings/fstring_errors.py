# Invalid format specs raise errors at runtime.
tests = [(3.5, "d"), ("abc", "d"), (10, "s"), (1.5, "x"), ("s", "+")]
for v, spec in tests:
    try:
        print(f"{v:{spec}}")
    except ValueError as e:
        print(type(e).__name__, e)
try:
    print(f"{undefined_name}")
except NameError as e:
    print(type(e).__name__, e)
print(f"{'ok'}")
