# Enum with explicit values.
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(list(Color), len(Color), [c.name for c in Color], [c.value for c in Color])
print(Color(2), Color["BLUE"], Color(1) is Color.RED, Color.RED == Color.RED, Color.RED == 1)
print(Color.RED != Color.GREEN, isinstance(Color.RED, Color), type(Color.RED).__name__)
for c in Color:
    print(c.name.lower(), c.value * 10)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
favorites = {Color.RED: "apples", Color.BLUE: "sky"}
print(favorites[Color.BLUE], Color.GREEN in favorites, favorites)
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    def label(self):
        return self.value.title()
print(Status("active"), Status.INACTIVE.label(), [s.label() for s in Status])
