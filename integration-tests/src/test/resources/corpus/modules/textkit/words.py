# Helper module (not a program).
def count_words(text):
    counts = {}
    for w in text.lower().split():
        w = w.strip(".,;!?")
        if w:
            counts[w] = counts.get(w, 0) + 1
    return counts
def top_words(text, n):
    c = count_words(text)
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
