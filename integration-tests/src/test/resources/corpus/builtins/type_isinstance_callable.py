# type(), isinstance, issubclass, callable, object.
values = [0, 0.0, "", [], (), {}, set(), frozenset(), None, True, range(1), len, object()]
print([type(v).__name__ for v in values])
print(type(5) == int, type(True) == int, type(True) is bool, type(type(5)).__name__)
print(type("s") is str, type([]) is list, type(None).__name__)
class A:
    pass
class B(A):
    pass
print(type(B()) is B, type(B()) is A, isinstance(B(), A), issubclass(B, A), type(A).__name__)
print(callable(A), callable(A()), callable(print), callable(None), callable(lambda: 0))
o = object()
print(type(o).__name__, isinstance(o, object), isinstance(A, object), isinstance(int, object))
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(int is type(3), str(type(3)), str(A) == "<class '__main__.A'>", repr(int), repr(ValueError))
