# Concatenation, repetition, comparison, ord/chr.
a = "abc"
b = "abd"
print(a + b, a * 3, 3 * "xy", a * 0, a * -1 == "")
print(a < b, a == "abc", a != b, "Z" < "a", "abc" < "abcd", "" < "a", "b" > "abc")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana"]))
print(ord("a"), ord("Z"), ord("\n"), ord("\u20ac"), chr(97), chr(8364), chr(0x1F600) == "\U0001F600")
shifted = "".join(chr((ord(c) - 97 + 3) % 26 + 97) for c in "hello")
print(shifted)
print(min("hello"), max("hello"), sorted("hello"), list("abc"), tuple("ab"))
print(str(12) + str(3.5) + str(None) + str(True) + str([1, "a"]))
s = ""
for i in range(5):
    s += str(i) * i
print(s, len(s))
