# Uncaught NameError from a typo.
def compute(n):
    total = 0
    for i in range(n):
        total += i
    return grand_sum_value
print("start")
print(compute(5))
