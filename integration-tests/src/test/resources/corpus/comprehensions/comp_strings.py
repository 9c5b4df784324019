# String processing with comprehensions.
sentence = "The Quick Brown Fox Jumps Over The Lazy Dog"
print([w.lower() for w in sentence.split()])
print("".join([c for c in sentence if c.isupper()]))
print({w.lower() for w in sentence.split()} == set(sentence.lower().split()))
print(sorted({w.lower() for w in sentence.split()}))
print(" ".join(w[::-1] for w in sentence.split()))
print([w for w in sentence.split() if len(w) == max(len(x) for x in sentence.split())])
table = [line.split(",") for line in ["a,1,x", "b,2,y", "c,3,z"]]
print(table, [row[1] for row in table], {row[0]: int(row[1]) for row in table})
print(["".join(sorted(w.lower())) for w in sentence.split()][:4])
