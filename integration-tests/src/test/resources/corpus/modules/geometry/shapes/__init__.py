# Helper subpackage (not a program).
print("loading geometry.shapes package")
