# A closing bracket of the wrong kind.
data = {"a": [1, 2, 3)}
print(data)
