# __getitem__ receiving slice objects.
class Recorder:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        return ("index", key)
r = Recorder()
print(r[5], r[-1], r["k"], r[1:2], r[::3], r[:], r[1:2:-1], r[1, 2], r[1:2, 3])
class Range2:
    def __init__(self, n):
        self.data = list(range(n))
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Range2.from_list(self.data[key])
        return self.data[key]
    def __len__(self):
        return len(self.data)
    @staticmethod
    def from_list(lst):
        r = Range2(0)
        r.data = lst
        return r
    def __repr__(self):
        return f"Range2{self.data}"
x = Range2(10)
print(x[3], x[-2], x[2:8:2], x[::-3], len(x[5:]), x[1:9][2:4])
class Store:
    def __init__(self):
        self.log = []
    def __setitem__(self, k, v):
        self.log.append(("set", k if not isinstance(k, slice) else (k.start, k.stop), v))
s = Store()
s["a"] = 1
s[2:4] = [9]
s[7] = None
print(s.log)
