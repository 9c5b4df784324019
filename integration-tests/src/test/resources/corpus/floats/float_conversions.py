# float() parsing and int conversions.
for s in ["3.14", "  -2.5e3 ", "1_000.5", ".5", "5.", "1e-3", "-0", "+inf", "nan"]:
    print(repr(s), float(s))
for s in ["abc", "", "1.2.3", "1e"]:
    try:
        float(s)
    except ValueError as e:
        print(e)
print(float(7), float(True), float(-(2 ** 70)))
print(int(2.5), int(-2.5), int(1e10), int(123.999))
print(2.0 == int(2.0), 2.5 == int(2.5))
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
print(float("1" * 30))
