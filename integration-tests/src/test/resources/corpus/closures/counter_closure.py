# Closures with nonlocal state.
def make_counter(start=0, step=1):
    count = start
    def inc():
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc_a, get_a = make_counter()
inc_b, get_b = make_counter(100, 10)
for _ in range(3):
    print(inc_a(), inc_b())
print(get_a(), get_b())
inc_a()
print(get_a(), get_b())
def accumulator():
    total = 0
    history = []
    def add(x):
        nonlocal total
        total += x
        history.append(total)
        return total, history
    return add
acc = accumulator()
acc(5)
acc(-2)
print(acc(10))
