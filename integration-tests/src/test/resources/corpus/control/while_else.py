# while loops with else, break and continue.
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("n", n)
else:
    print("while finished normally", n)
def find_divisor(m):
    d = 2
    while d * d <= m:
        if m % d == 0:
            print(m, "divisible by", d)
            break
        d += 1
    else:
        print(m, "is prime")
for m in [49, 97, 100, 2, 221]:
    find_divisor(m)
i = 10
while i:
    i -= 3
    if i < 0:
        print("went negative", i)
        break
else:
    print("never printed")
count = 0
while True:
    count += 1
    if count >= 4:
        break
print("count", count)
