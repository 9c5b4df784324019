# Case methods and predicates.
words = ["hello", "WORLD", "Mixed Case", "hello world foo", "123abc", "  ", "", "ABC123", "title Case here", "o'neil mc-donald"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize())
    print("  ", w.isdigit(), w.isalpha(), w.isspace(), w.isalnum(), w.isupper(), w.islower())
print("straße".upper(), "ǅ".lower(), "éclair".capitalize())
print("42".isdigit(), "4.2".isdigit(), "\u00b2".isdigit(), "abc".isalpha(), "ab c".isalpha())
