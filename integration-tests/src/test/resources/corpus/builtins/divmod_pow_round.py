# divmod, pow, round.
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (17.5, 5), (-17.5, 5), (10 ** 20, 7)]:
    print(a, b, divmod(a, b))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(8, 1 / 3))
print(pow(3, 4, 5), pow(-3, 3, 7), pow(2, 100, 10 ** 9), pow(10, -1, 7))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(1.23456, 3))
print(round(123.456, -1), round(125, -1), round(135, -1), round(5), round(2.675, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(25, -1)).__name__)
