# ord, chr, hex, bin, oct.
print([ord(c) for c in "AZaz09 ~"])
print("".join(chr(c) for c in range(65, 91)))
print(chr(960), ord("π"), chr(0x10FFFF) == "\U0010FFFF", ord("\U0001F40D"))
print(hex(0), hex(255), hex(-256), hex(2 ** 64), oct(64), oct(-8), bin(10), bin(-10), bin(0))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return "-" + out if neg else out
for n in [0, 5, 255, -100, 123456789]:
    print(n, to_base(n, 2), to_base(n, 7), to_base(n, 16), to_base(n, 36), int(to_base(n, 36), 36) == n)
