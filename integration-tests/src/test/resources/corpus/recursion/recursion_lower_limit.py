# Lowering the recursion limit makes moderately deep recursion fail.
import sys
def walk(n):
    return n if n == 0 else walk(n - 1)
print(walk(300))
sys.setrecursionlimit(200)
try:
    walk(300)
    print("unexpected success")
except RecursionError:
    print("walk(300) fails with limit 200")
print(walk(100))
