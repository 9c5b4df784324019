# Basic integer arithmetic with positive and negative operands.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(divmod(a, b), divmod(-a, b), divmod(a, -b), divmod(-a, -b))
print(0 // 7, 0 % 7, 7 // 7, 7 % 7)
x = 1
for i in range(10):
    x = x * 3 - i
    print(i, x)
print(2 ** 10, 2 ** 0, (-2) ** 3, (-2) ** 4)
print(-2 ** 2)
print(10 - 3 - 2, 2 ** 3 ** 2, 100 // 7 // 2)
print(+a, -a, --a, -(-a))
