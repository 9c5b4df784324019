# with statements and exception propagation/suppression.
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return False
with Suppress(KeyError, IndexError) as s:
    [][1]
print("suppressed", repr(s.caught))
with Suppress(KeyError) as s:
    print("no error")
print(s.caught)
try:
    with Suppress(KeyError):
        int("zz")
except ValueError as e:
    print("escaped:", e)
class Closer:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("close", self.name, "error" if et else "clean")
def process(items):
    with Closer("resource"):
        for it in items:
            if it < 0:
                raise ValueError(f"negative {it}")
            print("item", it)
    return "processed"
print(process([1, 2]))
try:
    process([1, -5, 3])
except ValueError as e:
    print("ValueError:", e)
class FailingEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with FailingEnter():
        print("body should not run")
except RuntimeError as e:
    print("RuntimeError:", e)
