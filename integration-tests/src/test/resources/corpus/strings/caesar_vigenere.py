# Classical ciphers.
def caesar(s, k):
    out = []
    for c in s:
        if c.isupper():
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        elif c.islower():
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        else:
            out.append(c)
    return "".join(out)
def vigenere(s, key, sign=1):
    out = []
    j = 0
    for c in s:
        if c.isalpha():
            k = ord(key[j % len(key)].lower()) - 97
            base = 65 if c.isupper() else 97
            out.append(chr((ord(c) - base + sign * k) % 26 + base))
            j += 1
        else:
            out.append(c)
    return "".join(out)
msg = "Attack at Dawn! Meet me by the Old Oak, 7pm."
for k in (1, 13, 25, -3):
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, -k) == msg)
v = vigenere(msg, "LEMON")
print(v)
print(vigenere(v, "LEMON", -1))
