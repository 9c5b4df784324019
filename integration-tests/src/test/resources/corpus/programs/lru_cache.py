# An LRU cache built from a dict and a doubly linked list, exercised by a workload.
class Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key = key
        self.value = value
        self.prev = None
        self.next = None
class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.map = {}
        self.head = Node()
        self.tail = Node()
        self.head.next = self.tail
        self.tail.prev = self.head
        self.hits = 0
        self.misses = 0
        self.evictions = []
    def _unlink(self, node):
        node.prev.next = node.next
        node.next.prev = node.prev
    def _push_front(self, node):
        node.next = self.head.next
        node.prev = self.head
        self.head.next.prev = node
        self.head.next = node
    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value
    def put(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.map) >= self.capacity:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
            self.evictions.append(lru.key)
        node = Node(key, value)
        self.map[key] = node
        self._push_front(node)
    def keys(self):
        out = []
        n = self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
    def __len__(self):
        return len(self.map)
    def __contains__(self, key):
        return key in self.map
c = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c.put(k, v)
print(c.keys(), c.get("a"), c.keys())
c.put("d", 4)
print(c.keys(), "b" in c, c.get("b", "missing"), c.evictions)
c.put("c", 30)
print(c.keys(), c.get("c"), len(c))
def slow_square(n):
    return n * n
cache = LRUCache(8)
total = 0
for i in range(2000):
    key = (i * 7) % 13 if i % 3 else i % 5
    v = cache.get(key)
    if v is None:
        v = slow_square(key)
        cache.put(key, v)
    total += v
print(total, cache.hits, cache.misses, len(cache.evictions), cache.keys())
print(cache.evictions[:12])
