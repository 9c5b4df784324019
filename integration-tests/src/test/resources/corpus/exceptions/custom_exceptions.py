# Custom exception classes with extra state and __str__.
class ValidationError(Exception):
    def __init__(self, field, problems):
        super().__init__(field, problems)
        self.field = field
        self.problems = problems
    def __str__(self):
        return f"{self.field}: " + "; ".join(self.problems)
class RangeError(ValidationError):
    pass
def validate(record):
    errors = []
    for field in ("name", "age", "email"):
        problems = []
        value = record.get(field)
        if value is None:
            problems.append("missing")
        elif field == "age" and not (0 <= value <= 150):
            errors.append(RangeError(field, [f"{value} out of range"]))
            continue
        elif field == "email" and "@" not in value:
            problems.append("no @")
        if problems:
            errors.append(ValidationError(field, problems))
    return errors
records = [{"name": "a", "age": 30, "email": "a@x"}, {"age": 200, "email": "bad"}, {}]
for r in records:
    errs = validate(r)
    print(len(errs), [str(e) for e in errs], [type(e).__name__ for e in errs])
try:
    raise RangeError("score", ["too high", "not integer"])
except ValidationError as e:
    print("caught", e, e.args, e.field, isinstance(e, RangeError))
class Plain(Exception):
    pass
print(repr(Plain()), str(Plain()), repr(Plain("x", 2)), str(Plain("only")))
