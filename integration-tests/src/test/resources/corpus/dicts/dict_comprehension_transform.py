# Transforming dictionaries.
prices = {"apple": 1.2, "bread": 2.5, "cheese": 7.0, "dates": 4.25}
print({k: round(v * 1.1, 2) for k, v in prices.items()})
print({v: k for k, v in prices.items()})
print({k: v for k, v in prices.items() if v > 2})
print({k.upper(): len(k) for k in prices})
print(dict(zip(prices.values(), prices.keys())))
squares = {n: n * n for n in range(-3, 4)}
print(squares)
print({abs(k): v for k, v in squares.items()})
matrix = {(i, j): i * j for i in range(3) for j in range(3) if i != j}
print(matrix)
