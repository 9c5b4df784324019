# Exact linear algebra with a hand-written Fraction class: Gaussian elimination,
# determinant, inverse and solving linear systems.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("zero denominator")
        if den < 0:
            num, den = -num, -den
        g = gcd(num, den) or 1
        self.num = num // g
        self.den = den // g
    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x)
    def __add__(self, o):
        o = Frac.of(o)
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)
    __radd__ = __add__
    def __sub__(self, o):
        o = Frac.of(o)
        return Frac(self.num * o.den - o.num * self.den, self.den * o.den)
    def __mul__(self, o):
        o = Frac.of(o)
        return Frac(self.num * o.num, self.den * o.den)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.num * o.den, self.den * o.num)
    def __neg__(self):
        return Frac(-self.num, self.den)
    def __eq__(self, o):
        o = Frac.of(o)
        return self.num == o.num and self.den == o.den
    def __hash__(self):
        return hash((self.num, self.den))
    def __bool__(self):
        return self.num != 0
    def __repr__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"
class Matrix:
    def __init__(self, rows):
        self.rows = [[Frac.of(v) for v in r] for r in rows]
        self.n = len(rows)
        self.m = len(rows[0])
    def __mul__(self, o):
        return Matrix([[sum((self.rows[i][k] * o.rows[k][j] for k in range(self.m)), Frac(0))
                        for j in range(o.m)] for i in range(self.n)])
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        w = max(len(repr(v)) for r in self.rows for v in r)
        return "\n".join("[" + " ".join(repr(v).rjust(w) for v in r) + "]" for r in self.rows)
    @staticmethod
    def identity(n):
        return Matrix([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def det_and_inverse(self):
        n = self.n
        a = [r[:] + [Frac(1) if i == j else Frac(0) for j in range(n)] for i, r in enumerate(self.rows)]
        det = Frac(1)
        for col in range(n):
            pivot = None
            for r in range(col, n):
                if a[r][col]:
                    pivot = r
                    break
            if pivot is None:
                return Frac(0), None
            if pivot != col:
                a[col], a[pivot] = a[pivot], a[col]
                det = -det
            pv = a[col][col]
            det = det * pv
            a[col] = [v / pv for v in a[col]]
            for r in range(n):
                if r != col and a[r][col]:
                    f = a[r][col]
                    a[r] = [x - f * y for x, y in zip(a[r], a[col])]
        return det, Matrix([row[n:] for row in a])
A = Matrix([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
print(A)
d, inv = A.det_and_inverse()
print("det", d)
print(inv)
print(A * inv == Matrix.identity(3), inv * A == Matrix.identity(3))
H = Matrix([[Frac(1, i + j + 1) for j in range(4)] for i in range(4)])
dh, hinv = H.det_and_inverse()
print("hilbert det", dh)
print(hinv)
S = Matrix([[1, 2], [2, 4]])
print(S.det_and_inverse())
b = Matrix([[4], [5], [6]])
x = inv * b
print("solution", [r[0] for r in x.rows], A * x == b)
print(Frac(6, -8), Frac(3, 4) + Frac(1, 4), Frac(1, 3) * 3, Frac(2) - Frac(1, 2), 1 + Frac(1, 3))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
