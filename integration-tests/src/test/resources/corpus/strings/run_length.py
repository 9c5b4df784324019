# Run-length encoding and decoding.
def encode(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    n = 1
    for c in s[1:]:
        if c == prev:
            n += 1
        else:
            out.append(f"{n}{prev}")
            prev, n = c, 1
    out.append(f"{n}{prev}")
    return "".join(out)
def decode(s):
    out = []
    num = ""
    for c in s:
        if c.isdigit():
            num += c
        else:
            out.append(c * int(num))
            num = ""
    return "".join(out)
for s in ["", "a", "aaabbbcccd", "wwwwwwwwwwwwbwwwwwwwwwwwwbbbwwwwwwwwwwwwwwwwwwwwwwwwbwwwwwwwwwwwwww", "abcabc"]:
    e = encode(s)
    print(repr(s[:20]), e, decode(e) == s)
seq = "1"
for _ in range(10):
    print(seq)
    seq = "".join(f"{len(g)}{g[0]}" for g in [seq[i:j] for i, j in
          zip([0] + [k for k in range(1, len(seq)) if seq[k] != seq[k - 1]],
              [k for k in range(1, len(seq)) if seq[k] != seq[k - 1]] + [len(seq)])])
