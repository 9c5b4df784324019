# Word frequencies with deterministic output order.
text = """Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod
tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis
nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis
aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat."""
freq = {}
for raw in text.split():
    w = raw.strip(".,").lower()
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, n in top[:8]:
    print(f"{w:<12}{n:>3}")
print(len(freq), sum(freq.values()))
print(sorted(w for w in freq if len(w) > 9))
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(i, len(line), line.count(" ") + 1, line[:15])
