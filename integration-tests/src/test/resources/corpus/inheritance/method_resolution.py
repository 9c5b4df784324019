# Attribute lookup through the class chain.
class A:
    x = "A.x"
    def who(self):
        return "A.who"
    def call_who(self):
        return "via A: " + self.who()
class B(A):
    y = "B.y"
    def who(self):
        return "B.who"
class C(B):
    x = "C.x"
c = C()
print(c.x, c.y, c.who(), c.call_who())
print(A().call_who(), B().call_who())
c.x = "instance x"
print(c.x, C.x, B.x)
B.who = lambda self: "patched B.who"
print(c.who(), B().who(), A().who())
print(isinstance(c, A), type(c).__name__, issubclass(C, B), issubclass(B, C))
