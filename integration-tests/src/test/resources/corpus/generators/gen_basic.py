# Generator functions produce values lazily.
def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  done")
g = count_up(3)
print("created")
for v in g:
    print("got", v)
print(list(count_up(2)))
g2 = count_up(2)
print(next(g2))
print(next(g2))
print(next(g2, "end"))
print(next(g2, "end again"))
def squares():
    for i in range(1, 6):
        yield i * i
print(sum(squares()), max(squares()), list(squares()), 16 in squares())
