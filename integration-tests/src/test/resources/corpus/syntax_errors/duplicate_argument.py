# A parameter name used twice.
def area(w, h, w):
    return w * h
print(area(1, 2, 3))
