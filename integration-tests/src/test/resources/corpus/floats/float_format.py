# Formatting floats with format specs and % formatting.
x = 1234.56789
print(format(x, ".2f"), format(x, ".0f"), format(x, "e"), format(x, ".3e"), format(x, "g"))
print(format(x, ",.2f"), format(x, "10.1f") + "|", format(x, "<10.1f") + "|", format(x, "^12.2f") + "|")
print(format(-x, "+.1f"), format(x, "+.1f"), format(0.000012345, "g"), format(1e20, "g"))
print(format(0.5, "%"), format(0.125, ".1%"), format(3.0, "g"), format(3.0, ""))
print("%.3f" % x, "%8.2f|" % x, "%-8.1f|" % 2.5, "%e" % x, "%g" % 0.0001)
print("%5.1f %5.1f" % (1.25, 1.35), "%d" % 3.99, "%s" % 1.0, "%r" % 0.1)
for v in [0.0, -0.0, 1.5, 100.0, 1e100, float("inf"), float("nan")]:
    print(f"{v:10.3f}|{v:g}|{v!r}")
