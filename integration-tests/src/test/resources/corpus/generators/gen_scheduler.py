# Cooperative multitasking with generators.
def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        yield
    print(f"{name} finished")
def scheduler(tasks):
    queue = list(tasks)
    rounds = 0
    while queue:
        task = queue.pop(0)
        try:
            next(task)
            queue.append(task)
        except StopIteration:
            pass
        rounds += 1
    return rounds
print("rounds", scheduler([worker("A", 3), worker("B", 1), worker("C", 2)]))
def producer(n):
    for i in range(n):
        yield ("item", i)
    yield ("done", None)
def consumer(source):
    total = 0
    for kind, value in source:
        if kind == "done":
            return total
        total += value
        print("consumed", value, "total", total)
print("result", consumer(producer(4)))
