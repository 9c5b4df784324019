# Subclassing dict.
class Counter(dict):
    def add(self, key, n=1):
        self[key] = self.get(key, 0) + n
    def most_common(self, k):
        return sorted(self.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
c = Counter()
for w in "a b c a b a d e a c".split():
    c.add(w)
print(c, len(c), c.most_common(2), isinstance(c, dict))
class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __getitem__(self, key):
        if key not in self:
            self[key] = self.factory()
        return super().__getitem__(key)
dd = DefaultDict(list)
dd["x"].append(1)
dd["x"].append(2)
dd["y"].append(3)
print(dd, sorted(dd.keys()), dd.get("z"), "z" in dd)
class AttrDict(dict):
    def get_attr(self, name):
        return self[name]
ad = AttrDict(a=1, b=2)
ad["c"] = 3
print(ad, ad.get_attr("c"), list(ad.items()))
