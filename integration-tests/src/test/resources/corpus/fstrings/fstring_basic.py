# Basic f-string interpolation.
name = "World"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2} {n // 5} {-n}")
print(f"{items} {items[1]} {len(items)} {items[-1] * 10}")
print(f"{name.upper()} {name[::-1]} {name!r} {name!s}")
print(f"{'quoted'} {'x' if n > 100 else 'y'}")
print(f"{{braces}} {{{n}}}")
d = {"a": 1, "b": 2}
print(f"{d['a']} {d} {sorted(d)}")
print(f"{pi}", f"{True}", f"{None}", f"{3 > 2}")
print(f"multi {n}" f" part {name}", "plain" f"{n}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|")
