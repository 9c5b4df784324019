# find/rfind/index/count/startswith/endswith.
s = "mississippi"
print(s.find("ss"), s.rfind("ss"), s.find("ss", 3), s.find("x"), s.rfind("i", 0, 5))
print(s.index("p"), s.count("s"), s.count("ss"), s.count("i", 2), s.count(""))
print(s.startswith("miss"), s.startswith("iss", 1), s.endswith("pi"), s.endswith(("x", "pi")))
print(s.startswith(("a", "b")), "".startswith(""), s.find(""))
print("ss" in s, "sip" in s, "" in s, "Miss" in s)
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
pos = []
i = s.find("i")
while i != -1:
    pos.append(i)
    i = s.find("i", i + 1)
print(pos)
