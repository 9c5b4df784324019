# A full sequence type used with builtins.
class Word:
    def __init__(self, text):
        self.text = text
    def __len__(self):
        return len(self.text)
    def __getitem__(self, i):
        return self.text[i]
    def __iter__(self):
        return iter(self.text)
    def __contains__(self, ch):
        return ch in self.text
    def __repr__(self):
        return f"Word({self.text!r})"
w = Word("stitch")
print(len(w), w[0], w[-1], w[1:4], list(w), "t" in w, "z" in w)
print(sorted(w), "".join(w), max(w), min(w), list(enumerate(w))[:2])
print(list(reversed(Word("abc"))), dict(zip(w, range(6))))
a, b, *c = w
print(a, b, c)
