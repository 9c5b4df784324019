# FizzBuzz in several styles.
for i in range(1, 16):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
print(" ".join("Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or str(i) for i in range(1, 31)))
rules = [(3, "Fizz"), (5, "Buzz"), (7, "Bazz")]
out = []
for i in range(95, 110):
    s = "".join(word for d, word in rules if i % d == 0)
    out.append(s or str(i))
print(out)
