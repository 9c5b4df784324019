# Non-ASCII text.
greek = "αβγδε"
print(greek, len(greek), greek.upper(), greek[::-1], [ord(c) for c in greek])
mixed = "naïve café ☕ 日本語"
print(mixed.split(), len(mixed), mixed.title())
for w in mixed.split():
    print(w, len(w), w.isalpha(), repr(w))
emoji = "a😀b"
print(len(emoji), emoji[1] == "\U0001F600", repr(emoji))
print("ÄÖÜ".lower(), "ß".isalpha(), "٣".isdigit(), int("٣٤"))
print(sorted(["é", "e", "z", "a", "É"]))
print(chr(0x3b1) + chr(0x3c9), "\N{GREEK SMALL LETTER ALPHA}")
