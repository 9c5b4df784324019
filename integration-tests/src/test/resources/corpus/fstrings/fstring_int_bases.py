# Integer presentation types.
for n in [0, 1, 5, 42, 255, -42, 65535, 2 ** 40]:
    print(f"{n:d}|{n:b}|{n:o}|{n:x}|{n:X}|{n:#b}|{n:#o}|{n:#X}|{n:,d}")
print(f"{65:c}{66:c}{67:c}")
print(f"{42:+08d}|{-42:08d}|{42:<+6d}|{42:^+7d}|")
print(f"{3:.2f}|{7:e}|{10:%}")
print(f"{True:d}|{True}|{False:>6}|")
