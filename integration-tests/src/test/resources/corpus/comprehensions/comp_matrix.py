# Matrix operations via comprehensions.
A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
B = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
T = [[A[j][i] for j in range(3)] for i in range(3)]
P = [[sum(A[i][k] * B[k][j] for k in range(3)) for j in range(3)] for i in range(3)]
S = [[A[i][j] + T[i][j] for j in range(3)] for i in range(3)]
print(T)
print(P)
print(S, all(S[i][j] == S[j][i] for i in range(3) for j in range(3)))
diag = [A[i][i] for i in range(3)]
anti = [A[i][2 - i] for i in range(3)]
print(diag, anti, sum(diag), sum(anti))
print([max(row) for row in A], [max(col) for col in zip(*A)])
print([[round(v / sum(row), 3) for v in row] for row in A])
