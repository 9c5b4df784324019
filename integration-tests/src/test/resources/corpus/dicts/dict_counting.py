# Counting and grouping with dicts.
text = "to be or not to be that is the question whether tis nobler in the mind to suffer"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
by_len = {}
for w in text.split():
    by_len.setdefault(len(w), set()).add(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
first_letter = {}
for w in text.split():
    first_letter[w[0]] = first_letter.get(w[0], []) + [w]
print(sorted(first_letter.items())[:4])
inverted = {}
for w, c in counts.items():
    inverted.setdefault(c, []).append(w)
print(inverted)
letters = {}
for ch in text.replace(" ", ""):
    letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
