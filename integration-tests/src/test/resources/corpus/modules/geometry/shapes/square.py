# Helper module (not a program).
from geometry import unit_label
def area(side):
    return side * side
def label(side):
    return unit_label(side) + " square"
