# Float comparisons with ints, sorting mixed numbers.
nums = [3, 2.5, -1, 0.0, 10 ** 20, 1e19, True, -2.75, 7]
print(sorted(nums))
print(sorted(nums, reverse=True))
print(max(nums), min(nums), sum(nums))
print(1 == 1.0, 0.1 + 0.7 == 0.8, 0.5 + 0.25 == 0.75)
print(10 ** 16 + 1 == 1e16, 10 ** 16 + 1 > 1e16, 2 ** 1100 > 1e308)
print(abs(-3.5), abs(2.0), -(-0.5))
eps = 1.0
n = 0
while 1.0 + eps != 1.0:
    eps /= 2
    n += 1
print("epsilon halvings", n, eps * 2)
