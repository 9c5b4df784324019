# Format specs inside f-strings.
x = 1234.5678
n = 1234567
b = 10
s = "text"
print(f"{x:>12.3f}|{x:<12.1f}|{x:^12.2f}|{x:012.2f}|")
print(f"{n:,}|{n:_}|{n:>15,}|{n:e}|{n:.2e}|")
print(f"{b:08b}|{b:b}|{b:#b}|{b:o}|{b:#x}|{255:X}|{b + 55:c}|")
print(f"{s:*^10}|{s:>8}|{s:.2}|{s!r:>10}|")
print(f"{0.25:%}|{0.25:.0%}|{-3:+}|{3:+}|{-3.5:.1f}|{3: }|")
width = 10
prec = 3
print(f"{x:{width}.{prec}f}|{s:{'>'}{width}}|")
for v in [0, 7, 255, 1023]:
    print(f"{v:4d} {v:#06x} {v:010b} {v:>5o}")
print(f"{-1234567.891:,.2f}", f"{1e-7:.3g}", f"{123456789.0:g}", f"{0.5:g}")
