# Matrix multiplication and determinant with lists.
def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * det(minor)
    return total
A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print(matmul(A, B), matmul(B, A))
I = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
C = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
print(matmul(C, I) == C, det(C), det(A), det(I))
P = C
for n in range(2, 5):
    P = matmul(P, C)
    print(n, P, det(P))
