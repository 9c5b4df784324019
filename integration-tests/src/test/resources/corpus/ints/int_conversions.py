# int() from strings, floats, bools, with bases.
print(int("42"), int("  -17  "), int("+8"), int("1_000_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("101101", 2), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("10", 3))
print(int(3.99), int(-3.99), int(True), int(False), int(1e20))
print(int("123456789012345678901234567890") + 1)
for s in ["12", "0x1A", "abc", "", "1.5", " 7 "]:
    try:
        print(repr(s), "->", int(s))
    except ValueError as e:
        print(repr(s), "error:", e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
print(int(), int("-0"), int("000"))
