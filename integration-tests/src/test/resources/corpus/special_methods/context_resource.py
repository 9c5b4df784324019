# A context manager that restores state.
class Settings:
    def __init__(self):
        self.values = {"precision": 2, "verbose": False}
settings = Settings()
class override:
    def __init__(self, **changes):
        self.changes = changes
        self.saved = {}
    def __enter__(self):
        for k, v in self.changes.items():
            self.saved[k] = settings.values[k]
            settings.values[k] = v
        return settings.values
    def __exit__(self, et, ev, tb):
        for k, v in self.saved.items():
            settings.values[k] = v
        return False
def show(x):
    p = settings.values["precision"]
    return f"{x:.{p}f}"
print(show(3.14159), settings.values)
with override(precision=4) as vals:
    print(show(3.14159), vals)
    with override(precision=0, verbose=True):
        print(show(3.14159), settings.values)
    print(show(3.14159))
print(show(3.14159), settings.values)
try:
    with override(precision=6):
        print(show(2.5))
        1 / 0
except ZeroDivisionError as e:
    print("error:", e, settings.values)
