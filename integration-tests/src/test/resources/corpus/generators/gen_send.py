# Generators driven step by step with next(), keeping local state between steps.
def accumulator(values):
    total = 0
    for v in values:
        total += v
        yield total
acc = accumulator([5, 10, -3, 8])
print(next(acc))
print(next(acc), next(acc))
print(list(acc), next(acc, "finished"))
def averager(values):
    count = 0
    total = 0.0
    for x in values:
        count += 1
        total += x
        yield total / count
print(list(averager([10, 20, 30, 5])))
def tokens(text):
    word = ""
    for ch in text:
        if ch.isalnum():
            word += ch
        else:
            if word:
                yield ("word", word)
                word = ""
            if not ch.isspace():
                yield ("punct", ch)
    if word:
        yield ("word", word)
t = tokens("Hello, world! x1 = (y2+3)")
print(next(t), next(t))
print(list(t))
