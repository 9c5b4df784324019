# Digit manipulation.
def digit_sum(n):
    s = 0
    while n:
        n, d = divmod(n, 10)
        s += d
    return s

def reverse_int(n):
    sign = -1 if n < 0 else 1
    n = abs(n)
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return sign * r

for n in [0, 7, 1234, -5678, 10 ** 18 + 9, 2 ** 100]:
    print(n, digit_sum(abs(n)), reverse_int(n))
print(digit_sum(2 ** 1000))
palins = [n for n in range(100, 1000) if str(n) == str(n)[::-1] and n % 7 == 0]
print(palins)
armstrong = [n for n in range(1, 10000) if n == sum(int(c) ** len(str(n)) for c in str(n))]
print(armstrong)
