# Uncaught StopIteration from next() outside a generator.
it = iter(["a", "b"])
print(next(it))
print(next(it))
print(next(it))
