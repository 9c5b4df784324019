# Packages and subpackages.
import geometry
print(geometry.UNITS, geometry.unit_label(5))
from geometry.vectors import Vec2, ORIGIN
print(Vec2(1, 2) + Vec2(3, 4), ORIGIN)
from geometry.shapes.circle import area, circumference
print(round(area(2), 4), round(circumference(1), 4))
import geometry.shapes.square
print(geometry.shapes.square.area(3), geometry.shapes.square.label(3))
from geometry.shapes import circle
print(circle.area is area)
import geometry.vectors as gv
print(gv.Vec2(9, 9), gv.ORIGIN is ORIGIN)
