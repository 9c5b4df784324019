# Generators closing over enclosing variables.
def make_gen(limit):
    step = 2
    def gen():
        i = 0
        while i < limit:
            yield i
            i += step
    return gen
g = make_gen(9)
print(list(g()), list(g()))
def countdown_factory():
    state = {"n": 3}
    def next_value():
        state["n"] -= 1
        return state["n"]
    return next_value
nv = countdown_factory()
print(nv(), nv(), nv(), nv())
