# An opening parenthesis that is never closed.
values = [1, 2, 3]
print("sum", sum(values)
result = 10
print(result)
