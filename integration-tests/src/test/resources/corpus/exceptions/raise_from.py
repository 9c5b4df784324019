# Explicit exception chaining with raise ... from.
class ParseError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ParseError(f"cannot parse {s!r}") from e
for s in ["10", "x"]:
    try:
        print(parse(s))
    except ParseError as e:
        print(type(e).__name__, e)
        print("cause:", type(e.__cause__).__name__, e.__cause__)
        print("context is cause:", e.__context__ is e.__cause__)
def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while handling")
try:
    implicit()
except RuntimeError as e:
    print(e, "context:", repr(e.__context__), "cause:", e.__cause__)
def no_chain():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
try:
    no_chain()
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__)
