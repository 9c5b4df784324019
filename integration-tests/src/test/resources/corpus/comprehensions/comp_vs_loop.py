# Comprehensions produce the same results as explicit loops.
src = [3, 8, 1, 9, 4, 7, 2]
loop = []
for x in src:
    if x > 3:
        loop.append(x * 2)
comp = [x * 2 for x in src if x > 3]
print(loop, comp, loop == comp)
d_loop = {}
for i, x in enumerate(src):
    d_loop[x] = i
print(d_loop == {x: i for i, x in enumerate(src)})
s_loop = set()
for x in src:
    s_loop.add(x % 4)
print(s_loop, s_loop == {x % 4 for x in src})
pairs_loop = []
for a in src[:3]:
    for b in src[:3]:
        if a < b:
            pairs_loop.append((a, b))
print(pairs_loop, pairs_loop == [(a, b) for a in src[:3] for b in src[:3] if a < b])
