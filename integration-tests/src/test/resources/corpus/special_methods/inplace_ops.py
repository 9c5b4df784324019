# __iadd__ and friends versus fallback to __add__.
class Bag:
    def __init__(self, items):
        self.items = list(items)
    def __iadd__(self, other):
        print("  iadd")
        self.items.extend(other)
        return self
    def __add__(self, other):
        print("  add")
        return Bag(self.items + list(other))
    def __repr__(self):
        return f"Bag({self.items})"
b = Bag([1])
alias = b
b += [2, 3]
print(b, alias, b is alias)
c = b + [4]
print(c, b, c is b)
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __mul__(self, o):
        return Num(self.v * o)
    def __repr__(self):
        return f"Num({self.v})"
n = Num(1)
m = n
n += 5
n *= 3
print(n, m, n is m)
class Imul:
    def __init__(self):
        self.log = []
    def __imul__(self, k):
        self.log.append(k)
        return self
    def __isub__(self, k):
        self.log.append(-k)
        return self
x = Imul()
x *= 2
x -= 3
x *= 4
print(x.log)
