# Mutating sets.
s = {3, 1}
s.add(2); print(s)
s.add(2); print(s)
s.update([5, 6], {7}); print(s)
s.remove(5); print(s)
s.discard(100); print(s)
s.discard(6); print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
x = s.pop()
print(x, s)
s |= {10, 11}; print(sorted(s))
s &= {1, 2, 3, 10, 99}; print(sorted(s))
s -= {1}; print(sorted(s))
s ^= {2, 4}; print(sorted(s))
s.clear(); print(s)
try:
    s.pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError:", e)
