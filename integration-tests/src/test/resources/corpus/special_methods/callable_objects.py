# __call__ makes instances callable.
class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0
    def __call__(self, x, times=1):
        self.calls += 1
        return x + self.n * times
add5 = Adder(5)
print(add5(10), add5(1, times=3), add5.calls, callable(add5), callable(Adder))
print(list(map(add5, [1, 2, 3])), add5.calls)
class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))
    def __repr__(self):
        terms = [f"{c}x^{i}" for i, c in enumerate(self.coeffs) if c]
        return " + ".join(terms) or "0"
p = Polynomial(1, 0, -2, 1)
print(p, [p(x) for x in range(-2, 3)])
print(sorted([3, -1, 2], key=Polynomial(0, 0, 1)))
