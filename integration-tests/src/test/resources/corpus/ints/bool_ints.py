# Booleans are ints.
print(True + True, True * 10, False - 1, True / 2, True // 1)
print(sum([True, False, True, True]), True & False, True | False, True ^ True)
print(~True, -True, abs(False))
print(isinstance(True, int), type(True).__name__, type(1).__name__)
print(str(True), repr(False), int(True), bool(0), bool(-3), bool(10 ** 30))
flags = [x > 3 for x in range(7)]
print(flags, flags.count(True), sum(flags))
print(True == 1, True is True, hash(True) == hash(1))
d = {1: "one", True: "true?", 0: "zero"}
print(d)
print(1 if True else 0, [0, 1][True])
