# Cell variables in functions called hot enough to be compiled: a method whose self is a
# cell and that calls super(), a nonlocal counter, a cell deleted, a keyword-only function.
class Base:
    def hello(self, n):
        return n + 1

class Child(Base):
    def hello(self, n):
        f = lambda: self
        r = super().hello(n)
        return r + (f() is self)

def counter(start):
    count = start
    def bump(k):
        nonlocal count
        count += k
        return count
    for k in range(3):
        bump(k)
    return count

def deleting(x):
    def get():
        return x
    v = get()
    del x
    try:
        get()
    except NameError as e:
        return v, str(e)

def kwcell(a, *, b=2):
    return (lambda: a + b)()

c = Child()
t = 0
for i in range(2000):
    t += c.hello(i)
    t += counter(i)
    t += deleting(i)[0]
    t += kwcell(i, b=i)
print(t)
print(deleting(5))
