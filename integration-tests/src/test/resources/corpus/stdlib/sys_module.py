# sys.argv, maxsize, recursion limit, stdout.write.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0], sys.argv[1:])
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1)
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
sys.stdout.write("written with write\n")
count = sys.stdout.write("partial ")
sys.stdout.write(str(count) + "\n")
