# pass statements and empty bodies.
def nothing():
    pass
class Empty:
    pass
for i in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
print(nothing(), type(Empty()).__name__, i)
def only_doc():
    "just a docstring"
print(only_doc())
try:
    pass
except Exception:
    pass
finally:
    pass
print("ok")
