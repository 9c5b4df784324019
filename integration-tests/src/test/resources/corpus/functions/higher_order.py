# map/filter/reduce written by hand.
def my_map(f, xs):
    return [f(x) for x in xs]
def my_filter(p, xs):
    return [x for x in xs if p(x)]
def my_reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
        print("  acc", acc)
    return acc
nums = list(range(1, 8))
print(my_map(lambda x: x * 3, nums))
print(my_filter(lambda x: x % 2 == 1, nums))
print(my_reduce(lambda a, b: a * b, nums, 1))
print(my_reduce(lambda a, b: a + [b * b], nums[:3], []))
def pipeline(*funcs):
    def run(x):
        for f in funcs:
            x = f(x)
        return x
    return run
p = pipeline(lambda x: x + 1, lambda x: x * 10, str, lambda s: s + "!")
print(p(4), p(-1))
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(pow)(2)(8))
