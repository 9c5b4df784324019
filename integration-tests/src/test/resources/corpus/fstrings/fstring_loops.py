# Building output with f-strings in loops.
for i in range(1, 6):
    line = " ".join(f"{i * j:3d}" for j in range(1, 6))
    print(f"{i:>2}: {line}")
temps = {"mon": 21.5, "tue": 19.25, "wed": 23.0, "thu": -1.75}
for day, t in temps.items():
    f = t * 9 / 5 + 32
    bar = "#" * max(0, int(t))
    print(f"{day.capitalize():<4}{t:>7.2f}C {f:>7.2f}F {bar}")
hi = max(temps, key=temps.get)
print(f"hottest: {hi} ({temps[hi]}C)")
