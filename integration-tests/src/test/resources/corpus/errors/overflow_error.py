# Uncaught OverflowError.
import math
x = 1.0
for i in range(5):
    x *= 1e100
    print(i, x)
print(math.exp(800))
