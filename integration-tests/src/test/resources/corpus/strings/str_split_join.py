# split/rsplit/join/splitlines/partition.
s = "  the quick  brown fox\tjumps\nover  "
print(s.split())
print(s.split(" "))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2))
print("one two three four".split(None, 1), "one two three four".rsplit(None, 1))
print("".split(), "".split(","), "   ".split())
print("-".join(["x", "y", "z"]), "".join([]), ", ".join("abc"), " ".join(str(i) for i in range(5)))
text = "line one\nline two\r\nline three\n\nlast"
print(text.splitlines())
print("a\nb\n".splitlines(), "".splitlines())
print("key=value=more".partition("="), "novalue".partition("="), "a.b.c".partition("."))
path = "/usr/local/lib/python"
parts = path.split("/")
print(parts, "/".join(reversed(parts)))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
