# Calling builtin types as constructors with no or odd arguments.
print(repr(str()), int(), float(), bool(), list(), tuple(), dict(), set(), frozenset())
print(str("x"), str(3.0), str(-0.0), str(1e16), str(1e-7), str(123.0))
print(list(range(3)) == [0, 1, 2], tuple(x for x in "hi"), dict(a=1), set("aab") == {"a", "b"})
print(int(" 42\n"), int("-0x10", 16), int("0b11", 0), int("0o17", 0), int("1_0", 0))
try:
    int("0x10")
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    list(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
