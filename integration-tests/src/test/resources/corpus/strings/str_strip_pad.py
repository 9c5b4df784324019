# strip family, padding and zfill.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("yx"))
for w in ["a", "abc", "abcdef"]:
    print("[" + w.center(7) + "]", "[" + w.ljust(5, ".") + "]", "[" + w.rjust(5, "*") + "]", "[" + w.center(6, "-") + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
