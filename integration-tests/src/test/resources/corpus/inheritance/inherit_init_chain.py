# __init__ inheritance when subclasses do or do not override it.
class Base:
    created = []
    def __init__(self, name="anon"):
        self.name = name
        Base.created.append(type(self).__name__ + ":" + name)
class NoInit(Base):
    pass
class WithInit(Base):
    def __init__(self, name, extra):
        super().__init__(name.upper())
        self.extra = extra
class Forgot(Base):
    def __init__(self):
        self.other = 1
n = NoInit()
m = NoInit("m")
w = WithInit("w", 42)
f = Forgot()
print(n.name, m.name, w.name, w.extra, f.other, hasattr(f, "name"))
print(Base.created)
try:
    WithInit("only")
except TypeError as e:
    print("TypeError:", e)
try:
    NoInit("a", "b")
except TypeError as e:
    print("TypeError:", e)
