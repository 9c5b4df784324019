# yield outside a function.
for i in range(3):
    yield i
