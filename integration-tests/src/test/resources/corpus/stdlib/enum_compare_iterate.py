# Enum members compare by identity, are hashable and iterate in definition order.
from enum import Enum
class Planet(Enum):
    MERCURY = 1
    VENUS = 2
    EARTH = 3
    MARS = 4
class Day(Enum):
    MON = 1
    TUE = 2
print(Planet.EARTH == Planet(3), Planet.EARTH is Planet["EARTH"], Planet.MARS != Planet.VENUS)
print(Planet.MERCURY == Day.MON, Planet.MERCURY.value == Day.MON.value)
try:
    Planet.MARS < Planet.VENUS
except TypeError as e:
    print("TypeError:", e)
order = sorted(Planet, key=lambda p: -p.value)
print(order)
print([p.name for p in Planet if p.value % 2 == 0])
visits = {}
for p in [Planet.MARS, Planet.EARTH, Planet.MARS]:
    visits[p] = visits.get(p, 0) + 1
print(visits)
print(str(Day.TUE), repr(Day.TUE), f"{Day.MON.name}={Day.MON.value}")
