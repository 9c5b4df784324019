# __bool__ and __len__ drive truthiness.
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("  bool called")
        return self.on
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Plain:
    pass
for obj in [Empty(), Full(), Flag(True), Flag(False), Both(), Plain()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj)
print(Flag(True) and "and-result", Flag(False) or "or-result")
items = [Empty(), Full(), Flag(False)]
print([type(i).__name__ for i in items if i])
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
