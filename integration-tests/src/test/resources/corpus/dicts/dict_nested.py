# Nested dictionaries.
db = {
    "users": {
        "u1": {"name": "Ann", "roles": ["admin", "dev"], "age": 41},
        "u2": {"name": "Ben", "roles": ["dev"], "age": 29},
    },
    "settings": {"theme": "dark", "limits": {"cpu": 4, "mem": 16}},
}
print(db["users"]["u1"]["roles"][1], db["settings"]["limits"]["mem"])
db["users"]["u3"] = {"name": "Cat", "roles": [], "age": 35}
db["settings"]["limits"]["cpu"] *= 2
db["users"]["u2"]["roles"].append("ops")
for uid, u in db["users"].items():
    print(uid, u["name"], len(u["roles"]), u.get("email", "-"))
def get_path(d, path, default=None):
    cur = d
    for p in path.split("."):
        if isinstance(cur, dict) and p in cur:
            cur = cur[p]
        else:
            return default
    return cur
for p in ["settings.theme", "settings.limits.cpu", "users.u9.name", "users.u2.roles"]:
    print(p, get_path(db, p, "?"))
def count_leaves(x):
    if isinstance(x, dict):
        return sum(count_leaves(v) for v in x.values())
    if isinstance(x, list):
        return len(x)
    return 1
print(count_leaves(db))
print(db["settings"])
