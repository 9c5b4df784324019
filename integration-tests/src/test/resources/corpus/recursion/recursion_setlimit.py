# Raising the recursion limit allows deeper recursion.
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
try:
    depth(5000)
except RecursionError:
    print("5000 exceeds the default limit")
sys.setrecursionlimit(6000)
print(sys.getrecursionlimit())
print(depth(5000))
sys.setrecursionlimit(1000)
try:
    depth(2000)
except RecursionError as e:
    print("limit restored:", e)
