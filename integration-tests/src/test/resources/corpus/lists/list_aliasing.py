# Aliasing and copying.
a = [1, 2, [3, 4]]
b = a
c = a[:]
d = list(a)
e = a.copy()
a.append(5)
a[2].append(99)
print(a, b, c, d, e)
print(a is b, a is c, c == d, c[2] is a[2])
def mutate(lst):
    lst.append("m")
    lst = ["new"]
    lst.append("n")
    return lst
x = [0]
y = mutate(x)
print(x, y)
def default_trap(v, acc=[]):
    acc.append(v)
    return acc
print(default_trap(1), default_trap(2), default_trap(3, []), default_trap(4))
m = [[]] * 3
m[0].append(1)
print(m, m[0] is m[2])
print(id(a) == id(b), id(a) == id(c))
