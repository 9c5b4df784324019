# Strings are immutable; methods return new strings.
s = "hello"
t = s
s += " world"
print(s, t)
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
u = s.upper()
print(s, u)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".nosuchmethod()
except AttributeError as e:
    print("AttributeError:", e)
print(len(s), s.count("o"))
