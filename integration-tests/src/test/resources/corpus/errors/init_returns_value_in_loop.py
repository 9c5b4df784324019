# __init__ of a class instantiated in a hot loop starts returning a value: the call raises
# TypeError at that point, as the interpreter's would.
class Box:
    def __init__(self, v):
        self.v = v
        if v == 150:
            return v


s = 0
for i in range(300):
    s += Box(i).v
    print(s) if i % 50 == 0 else None
