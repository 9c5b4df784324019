# Errors from misusing raise.
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 3
except TypeError as e:
    print("TypeError:", e)
def bare():
    raise
try:
    bare()
except RuntimeError as e:
    print("RuntimeError:", e)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError:", e)
try:
    raise KeyError
except KeyError as e:
    print("raised class:", repr(e))
