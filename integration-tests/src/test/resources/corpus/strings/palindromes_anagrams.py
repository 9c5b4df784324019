# Palindromes and anagram grouping.
def clean(s):
    return "".join(c.lower() for c in s if c.isalnum())
phrases = ["A man, a plan, a canal: Panama", "race a car", "No lemon, no melon", "Was it a car or a cat I saw?", "hello"]
for p in phrases:
    c = clean(p)
    print(repr(p), c, c == c[::-1])
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    key = "".join(sorted(w))
    groups.setdefault(key, []).append(w)
for key, ws in groups.items():
    print(key, ws)
longest = ""
s = "forgeeksskeegfor"
for i in range(len(s)):
    for j in range(i + 1, len(s) + 1):
        sub = s[i:j]
        if sub == sub[::-1] and len(sub) > len(longest):
            longest = sub
print(longest)
