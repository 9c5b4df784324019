# args, str and repr of exceptions.
cases = [
    ValueError(),
    ValueError("msg"),
    ValueError("a", "b"),
    KeyError("key"),
    KeyError(("tuple", 1)),
    KeyError(),
    IndexError(3),
    ZeroDivisionError("division by zero"),
    Exception(None),
    RuntimeError(""),
    StopIteration(42),
    AssertionError("check failed"),
    NotImplementedError(),
    SystemExit(3),
    KeyboardInterrupt(),
]
for e in cases:
    print(type(e).__name__, repr(e), repr(str(e)), e.args)
si = StopIteration(42)
print(si.value, StopIteration().value)
se = SystemExit(3)
print(se.code, SystemExit().code, SystemExit("bye").code)
print(isinstance(SystemExit(), Exception), isinstance(KeyboardInterrupt(), BaseException))
