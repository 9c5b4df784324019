# Uncaught ValueError from int().
inputs = ["12", "7", "3.5", "9"]
parsed = []
for s in inputs:
    parsed.append(int(s))
    print(parsed)
