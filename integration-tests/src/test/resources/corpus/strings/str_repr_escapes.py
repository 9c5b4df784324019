# repr of strings chooses quotes and escapes control characters.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline",
           "back\\slash", "\x00\x07\x1f\x7f", "caf\u00e9", "\u4e2d\u6587", "snow\u2603",
           "\U0001F600", "", " ", "\r\n", "\x85\xa0"]
for s in samples:
    print(repr(s), len(s))
print(str("x"), repr(repr("x")))
print(["a", 'b"c', "d'e"])
print(("tuple",), {"k": "v\n"})
