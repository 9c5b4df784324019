# A keyword used as a variable name.
value = 3
class = value * 2
print(class)
