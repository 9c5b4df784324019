# __import__ returns module objects.
m = __import__("math")
print(m.sqrt(16), m.pi == __import__("math").pi, type(m).__name__, m.__name__)
r = __import__("random")
r.seed(3)
print(r.randint(1, 100))
s = __import__("sys")
print(s.maxsize == 2 ** 63 - 1, len(s.argv))
try:
    __import__("no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__, e)
