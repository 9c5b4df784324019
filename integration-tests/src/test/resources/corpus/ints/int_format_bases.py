# hex/oct/bin and their round trips.
for n in [0, 1, 7, 8, 255, 256, -1, -255, 2 ** 40, -(2 ** 65)]:
    print(n, hex(n), oct(n), bin(n))
    assert int(hex(n), 16) == n
    assert int(oct(n), 8) == n
    assert int(bin(n), 2) == n
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "o"), format(5, "b"))
print(format(5, "08b"), format(-5, "08b"), format(1234567, ","), format(1234567, "_"))
print(str(-0), repr(12), str(10 ** 25))
