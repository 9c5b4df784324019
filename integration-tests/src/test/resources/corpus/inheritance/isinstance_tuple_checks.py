# isinstance with tuples and builtin hierarchy.
class Base: pass
class Child(Base): pass
class Other: pass
values = [1, 1.5, True, "s", [1], (1,), {1: 2}, {1}, None, Base(), Child(), Other(), len, ValueError("v")]
for v in values:
    print(type(v).__name__, isinstance(v, (int, float)), isinstance(v, (list, tuple)), isinstance(v, Base), isinstance(v, object))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), issubclass(int, object))
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(OverflowError, ArithmeticError), issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(Child, (Other, Base)), issubclass(Child, (Other,)))
