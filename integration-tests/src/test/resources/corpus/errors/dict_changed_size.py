# Uncaught RuntimeError from mutating a dict while iterating.
d = {1: "a", 2: "b", 3: "c"}
for k in d:
    print("visit", k)
    if k == 2:
        d[k * 10] = "new"
