# Exceptions used for control flow in loops.
data = ["1", "2", "x", "4", "", "6.5", "-7"]
total = 0
bad = []
for s in data:
    try:
        total += int(s)
    except ValueError as e:
        bad.append((s, str(e)))
        continue
    finally:
        pass
    print("running total", total)
print(total, bad)
def first_key(d, keys):
    for k in keys:
        try:
            return k, d[k]
        except KeyError:
            print("  missing", k)
    raise KeyError(keys)
print(first_key({"b": 2, "c": 3}, ["a", "b", "c"]))
try:
    first_key({}, ["x", "y"])
except KeyError as e:
    print("KeyError:", e)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise RuntimeError(f"attempt {attempts} failed")
        print("succeeded after", attempts)
        break
    except RuntimeError as e:
        print(e)
