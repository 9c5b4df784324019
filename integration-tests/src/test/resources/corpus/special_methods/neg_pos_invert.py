# Unary operators on user classes.
class Signal:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return Signal(-self.v)
    def __pos__(self):
        return Signal(abs(self.v))
    def __invert__(self):
        return Signal(~self.v)
    def __repr__(self):
        return f"Signal({self.v})"
s = Signal(5)
print(-s, +Signal(-3), ~s, -(-s), ~~s)
class NoNeg:
    pass
try:
    -NoNeg()
except TypeError as e:
    print("TypeError:", e)
try:
    NoNeg() + 1
except TypeError as e:
    print("TypeError:", e)
try:
    NoNeg() < NoNeg()
except TypeError as e:
    print("TypeError:", e)
