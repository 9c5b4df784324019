# Unbounded recursion raises RecursionError, which can be caught.
depth_reached = 0
def dive(n):
    global depth_reached
    depth_reached = n
    return dive(n + 1)
try:
    dive(0)
except RecursionError as e:
    print("RecursionError:", e)
print(depth_reached > 500, depth_reached < 1000)
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(len(str(fact(400))))
try:
    fact(5000)
except RecursionError:
    print("fact(5000) too deep")
print(fact(10))
