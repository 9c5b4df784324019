# Indexing and slicing strings.
s = "abcdefghij"
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3])
print(s[8:2:-1], s[8:2:-2], s[-1:-4:-1], s[100:], s[-100:3], s[5:5], s[7:3])
print(s[slice(2, 8, 2)], s[slice(None, None, -3)])
for i in range(-3, 3):
    print(i, s[i], s[i:], s[:i])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
u = "héllo wörld"
print(u[1], u[7], len(u), u[::-1])
