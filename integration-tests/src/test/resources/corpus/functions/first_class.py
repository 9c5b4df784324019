# Functions as values.
def square(x):
    return x * x
def cube(x):
    return x ** 3
def apply_all(funcs, value):
    return [f(value) for f in funcs]
print(apply_all([square, cube, abs, str], -3))
table = {"sq": square, "cu": cube}
print(table["cu"](4), square.__name__, cube.__name__)
f = square
print(f is square, f(9), callable(f), callable(5))
def make_op(kind):
    def add(a, b):
        return a + b
    def mul(a, b):
        return a * b
    return add if kind == "add" else mul
print(make_op("add")(3, 4), make_op("mul")(3, 4), make_op("add").__name__)
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(square, 3, 2), apply_n(lambda s: s + "!", 4, "hi"))
print(list(map(square, range(6))), list(map(pow, [2, 3], [5, 2])))
print(sorted([-4, 1, -2, 3], key=square))
