# Greedy word wrapping and justification.
text = ("It was the best of times, it was the worst of times, it was the age of wisdom, "
        "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity.")
def wrap(text, width):
    lines = []
    cur = []
    length = 0
    for w in text.split():
        if cur and length + 1 + len(w) > width:
            lines.append(cur)
            cur, length = [w], len(w)
        else:
            length += len(w) + (1 if cur else 0)
            cur.append(w)
    if cur:
        lines.append(cur)
    return lines
def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]
for width in (30, 45):
    print("=" * width)
    lines = wrap(text, width)
    for ws in lines[:-1]:
        print("|" + justify(ws, width) + "|")
    print("|" + " ".join(lines[-1]).ljust(width) + "|")
