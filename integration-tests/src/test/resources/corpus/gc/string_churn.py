# Many temporary strings from formatting, slicing and concatenation.
lengths = 0
digest = 0
kept = []
for i in range(150000):
    s = "item-" + str(i) + ":" + str(i * i)
    t = s.upper()[2:] + s[-3:]
    lengths += len(t)
    digest = (digest * 31 + ord(t[-1])) % 1000000007
    if i % 25000 == 0:
        kept.append(t)
print(lengths, digest)
print(kept)
words = []
for j in range(20000):
    w = f"{j:05d}"[::-1]
    if w.startswith("00"):
        words.append(w)
print(len(words), words[:5], words[-3:])
