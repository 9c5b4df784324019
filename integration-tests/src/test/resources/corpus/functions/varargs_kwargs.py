# *args and **kwargs.
def show(*args, **kwargs):
    print("args", args, "kwargs", kwargs)
show()
show(1, 2, 3)
show(a=1, b=2)
show(1, "x", key=None, other=[1])
def mixed(a, b=2, *rest, flag=False, **opts):
    return (a, b, rest, flag, opts)
print(mixed(1))
print(mixed(1, 3, 5, 7))
print(mixed(1, flag=True, z=26))
print(mixed(*[10, 20, 30], **{"flag": 1, "q": "Q"}))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(*range(101)))
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, c=10, b=0))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
def forward(*args, **kwargs):
    return mixed(*args, **kwargs)
print(forward(7, 8, 9, flag="yes", extra=1))
opts = {"sep": "-", "end": "!\n"}
print("a", "b", "c", **opts)
