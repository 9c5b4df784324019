# A triple-quoted string that is never closed.
print("before")
doc = """This docstring
goes on
and on
x = 1
