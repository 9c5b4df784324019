# Self-documenting expressions with =.
x = 10
y = 3.5
name = "Ada"
items = [1, 2]
print(f"{x=}")
print(f"{x = }")
print(f"{y=:.2f}")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x + 1=}")
print(f"{items=} {len(items)=}")
print(f"{x*2 = }, {y/2=}")
