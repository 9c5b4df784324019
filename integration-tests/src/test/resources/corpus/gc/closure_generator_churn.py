# Many short-lived closures, bound methods and generators.
def make_adder(n):
    return lambda x: x + n
class Acc:
    def __init__(self):
        self.total = 0
    def add(self, v):
        self.total += v
acc = Acc()
for i in range(100000):
    f = make_adder(i)
    m = acc.add
    m(f(1) % 10)
print(acc.total)
def gen(n):
    for k in range(n):
        yield k * k
total = 0
for i in range(40000):
    total += sum(gen(i % 6))
print(total)
kept = [make_adder(k) for k in range(5)]
print([f(100) for f in kept])
