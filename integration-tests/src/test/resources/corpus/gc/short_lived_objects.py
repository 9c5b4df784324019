# Many short-lived instances of a user class.
class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v
    def step(self):
        return Particle(self.x + self.v, self.v * 0.5)
survivors = {}
total = 0.0
for i in range(150000):
    p = Particle(float(i % 97), 2.0)
    q = p.step().step().step()
    total += q.x
    if i % 30000 == 0:
        survivors[i] = q
        print("survivor", i, q.x, q.v)
print("total", total)
print(sorted(survivors), [round(s.x, 3) for s in survivors.values()])
