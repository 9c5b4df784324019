# Function objects: names, defaults, callables.
def alpha(a, b=2):
    return a * b
print(alpha.__name__, alpha(3), alpha(3, 3), callable(alpha))
beta = alpha
print(beta.__name__, beta(5), beta is alpha, beta == alpha)
class Tool:
    def use(self, x):
        return x + 1
t = Tool()
m = t.use
print(m(1), m.__name__, callable(m), t.use == m)
print(type(alpha).__name__, type(m).__name__, type(len).__name__, type(lambda: 0).__name__)
print((lambda: 0).__name__)
funcs = [alpha, m, len, print, Tool]
print([callable(f) for f in funcs], callable(t), callable("x"))
