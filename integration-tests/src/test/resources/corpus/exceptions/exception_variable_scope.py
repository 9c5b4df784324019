# The 'as' name is removed after the except block.
e = "before"
try:
    raise ValueError("inside")
except ValueError as e:
    print("in handler", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
saved = None
try:
    1 / 0
except ZeroDivisionError as exc:
    saved = exc
print("saved", repr(saved), type(saved).__name__)
def handler():
    try:
        raise KeyError("k")
    except KeyError as problem:
        msg = str(problem)
    return msg
print(handler())
