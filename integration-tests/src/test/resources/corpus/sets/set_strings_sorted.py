# Sets of strings must be sorted before printing.
words = "the cat sat on the mat with the hat and the bat".split()
uniq = set(words)
print(len(words), len(uniq), sorted(uniq))
vowels = set("aeiou")
for w in sorted(uniq):
    print(w, sorted(set(w) & vowels), len(set(w) - vowels))
a = set("programming")
b = set("algorithm")
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b))
print("g" in a, "z" in a, len(a))
