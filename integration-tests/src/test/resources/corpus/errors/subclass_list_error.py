# Uncaught IndexError from a list subclass method.
class History(list):
    def last(self):
        return self[-1]
h = History()
h.append("open")
print(h.last())
h.pop()
print(len(h))
print(h.last())
