# assert with and without messages.
def check(x):
    assert x > 0
    assert isinstance(x, int), f"expected int, got {type(x).__name__}"
    return x * 2
for v in [3, -1, 2.5]:
    try:
        print(check(v))
    except AssertionError as e:
        print("AssertionError", repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
assert True, "never"
assert 1 == 1.0
print("done")
