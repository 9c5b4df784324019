# __str__ vs __repr__ in different contexts.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __repr__(self):
        return f"Money({self.cents})"
m = Money(1234)
print(m)
print(str(m), repr(m), [m], (m,), {"k": m})
print(f"{m} {m!r}", "%s %r" % (m, m), "{} {!r}".format(m, m))
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
o = OnlyRepr()
print(o, str(o), [o])
class OnlyStr:
    def __str__(self):
        return "only-str"
s = OnlyStr()
print(s, str(s))
