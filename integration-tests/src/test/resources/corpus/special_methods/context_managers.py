# __enter__/__exit__, suppression and ordering.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Tracker("a") as v:
    print("body", v)
with Tracker("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Tracker("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with Tracker("outer") as o, Tracker("inner") as i:
    print("nested body", o, i)
def early():
    with Tracker("ret"):
        return "returned value"
print(early())
for n in range(3):
    with Tracker(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
with Tracker("x") as _:
    pass
