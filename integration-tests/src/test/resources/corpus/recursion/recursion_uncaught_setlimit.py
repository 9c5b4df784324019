# Uncaught RecursionError after lowering the limit.
import sys
sys.setrecursionlimit(120)
def nest(level):
    if level % 20 == 0:
        print("level", level)
    return [nest(level + 1)]
nest(0)
