# Iterating strings, counting characters, building strings.
text = "the rain in spain falls mainly on the plain"
counts = {}
for ch in text:
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
for ch in sorted(counts):
    print(ch, counts[ch])
vowels = sum(1 for c in text if c in "aeiou")
print("vowels", vowels)
words = text.split()
print(max(words, key=len), min(words, key=len), sorted(words, key=lambda w: (len(w), w)))
caps = " ".join(w[0].upper() + w[1:] for w in words)
print(caps)
acr = "".join(w[0] for w in words).upper()
print(acr)
for i, ch in enumerate("abc"):
    print(i, ch, ch * (i + 1))
