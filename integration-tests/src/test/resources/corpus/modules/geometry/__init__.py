# Helper package (not a program).
print("loading geometry package")
UNITS = "cm"
def unit_label(x):
    return f"{x} {UNITS}"
