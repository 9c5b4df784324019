# Nested lists, matrices and deep structures.
m = [[i * 3 + j for j in range(3)] for i in range(4)]
print(m)
t = [[m[r][c] for r in range(len(m))] for c in range(len(m[0]))]
print(t)
flat = [x for row in m for x in row]
print(flat)
print([row[::-1] for row in m[::-1]])
print(sum(map(sum, m)), max(max(r) for r in m))
tree = [1, [2, [3, [4, [5]]]], 6, [[7, 8], 9]]
def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten(tree))
def depth(x):
    if not isinstance(x, list):
        return 0
    return 1 + max((depth(i) for i in x), default=0)
print(depth(tree), depth([]), depth([[[]]]))
m[0][0] = 99
copy = [row[:] for row in m]
copy[1][1] = -1
print(m[1][1], copy[1][1], m[0][0], copy[0][0])
