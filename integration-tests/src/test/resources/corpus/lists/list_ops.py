# Concatenation, repetition, comparison, membership.
a = [1, 2, 3]
b = [4, 5]
print(a + b, a * 2, 2 * b, [] * 5, [0] * 3)
print(a == [1, 2, 3], a != b, a < b, [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
print(2 in a, 9 in a, 9 not in a, [1, 2] in [[1, 2], [3]])
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 3] * 3
alias[1][1] = 5
print(alias)
c = a
c += [10]
print(a, c, a is c)
d = a
d = d + [20]
print(a, d, a is d)
print(len(a), sum(a), max(a), min(a), list(reversed(a)))
e = [3, 1, 2]
e *= 2
print(e)
print([1, [2, [3, [4]]]], [[]] * 2, str([None, True, 1.5, "s"]))
