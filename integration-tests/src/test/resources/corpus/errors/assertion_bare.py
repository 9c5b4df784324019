# Uncaught AssertionError without a message.
xs = [3, 1, 2]
xs.sort()
print(xs)
assert xs == [1, 2, 3]
print("first assert passed")
assert len(xs) > 3
