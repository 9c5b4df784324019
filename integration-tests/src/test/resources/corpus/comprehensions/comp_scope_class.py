# Comprehension variables do not leak; they see enclosing function scope.
i = "global i"
squares = [i * i for i in range(4)]
print(squares, i)
def f():
    y = 3
    return [y * k for k in range(3)], {k: y for k in "ab"}, list(y + k for k in range(2))
print(f())
def counter():
    total = 0
    vals = [total + v for v in range(3)]
    return vals, total
print(counter())
result = [[j for j in range(i)] for i in range(4)]
print(result)
try:
    print(k)
except NameError as e:
    print("NameError:", e)
