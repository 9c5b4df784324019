# str.format with positional, keyword, indexes and specs.
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age} years".format(name="Ann", age=31))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("[{:>6}] [{:<6}] [{:^6}] [{:*^7}]".format("ab", "cd", "ef", "g"))
print("{:05d} {:+d} {: d} {:x} {:#o} {:,}".format(42, 42, 42, 255, 8, 10 ** 7))
print("{:.3f} {:10.2e} {:%}".format(3.14159, 12345.678, 0.25))
print("{!r} {!s}".format("q", "q"), "{{literal}}".format())
print("{:>{w}}|".format("x", w=5), "{:{fill}<{w}}|".format("y", fill="-", w=4))
class P:
    def __init__(self):
        self.x = 7
print("{0.x}".format(P()))
