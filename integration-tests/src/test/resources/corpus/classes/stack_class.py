# A stack class with error handling.
class EmptyStackError(Exception):
    pass
class Stack:
    def __init__(self, items=None):
        self._items = list(items) if items else []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise EmptyStackError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items!r})"
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek())
while len(s):
    print("popped", s.pop(), s)
try:
    s.pop()
except EmptyStackError as e:
    print(type(e).__name__, e)
print(s.peek(), bool(s), Stack("ab"))
