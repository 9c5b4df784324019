# printf-style % formatting.
print("%d items" % 5, "%s and %s" % ("a", "b"), "%r" % "q", "%5d|" % 42, "%-5d|" % 42)
print("%05d" % 42, "%x %X %o" % (255, 255, 8), "%#x" % 255, "%+d %+d" % (3, -3))
print("%.2f%%" % 12.345, "%c%c" % (72, "i"), "%s" % [1, 2], "%s" % (1,))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 40})
print("%10s|%-10s|" % ("right", "left"), "%.3s" % "abcdef")
rows = [("apple", 3, 0.5), ("kiwi", 12, 0.25), ("melon", 1, 3.0)]
for name, qty, price in rows:
    print("%-8s %3d x %5.2f = %6.2f" % (name, qty, price, qty * price))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("a",))
except TypeError as e:
    print("TypeError:", e)
