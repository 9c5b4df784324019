# for loops with else, break and continue.
for x in range(3):
    print("x", x)
else:
    print("else after full loop")
for x in range(10):
    if x == 4:
        print("break at", x)
        break
else:
    print("not printed")
for word in ["alpha", "beta", "gamma", "delta"]:
    if "e" not in word:
        continue
    print("has e:", word)
else:
    print("loop done")
for x in []:
    print("never")
else:
    print("empty loop else")
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
target = 5
for r, row in enumerate(matrix):
    for c, v in enumerate(row):
        if v == target:
            print("found at", r, c)
            break
    else:
        continue
    break
print("last r", r)
for i in range(3):
    pass
print("loop var after loop", i)
