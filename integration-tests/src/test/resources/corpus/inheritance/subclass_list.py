# Subclassing list.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list), type(s).__name__)
print(s + [9], type(s + [9]).__name__, s[1:], type(s[1:]).__name__)
class TypedList(list):
    def __init__(self, kind, items=()):
        super().__init__()
        self.kind = kind
        for it in items:
            self.append(it)
    def append(self, x):
        if not isinstance(x, self.kind):
            raise TypeError(f"expected {self.kind.__name__}, got {type(x).__name__}")
        super().append(x)
t = TypedList(int, [1, 2, 3])
t.append(4)
try:
    t.append("five")
except TypeError as e:
    print("TypeError:", e)
print(t, sum(t), sorted(t, reverse=True), t.kind.__name__)
class SortedList(list):
    def add(self, x):
        i = 0
        while i < len(self) and self[i] < x:
            i += 1
        self.insert(i, x)
sl = SortedList()
for v in [5, 1, 4, 2, 3, 0]:
    sl.add(v)
    print(sl)
