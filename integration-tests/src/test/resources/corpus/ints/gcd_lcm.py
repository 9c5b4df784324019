# Euclid's algorithm, extended gcd and modular inverse by hand.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y

pairs = [(12, 18), (17, 5), (100, 75), (0, 9), (-24, 36), (2 ** 64, 2 ** 40 * 3)]
for a, b in pairs:
    g, x, y = egcd(a, b)
    print(a, b, gcd(a, b), (g, x, y), a * x + b * y == g)
def lcm(a, b):
    return a // gcd(a, b) * b
acc = 1
for k in range(1, 21):
    acc = lcm(acc, k)
    print(k, acc)
