# Graph algorithms: BFS, DFS, Dijkstra with a hand-written binary heap, topological sort,
# connected components and cycle detection.
class MinHeap:
    def __init__(self):
        self.a = []
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) // 2
            if a[i] < a[p]:
                a[i], a[p] = a[p], a[i]
                i = p
            else:
                break
    def pop(self):
        a = self.a
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                m = i
                if l < len(a) and a[l] < a[m]:
                    m = l
                if r < len(a) and a[r] < a[m]:
                    m = r
                if m == i:
                    break
                a[i], a[m] = a[m], a[i]
                i = m
        return top
    def __len__(self):
        return len(self.a)
EDGES = [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10), ("C", "E", 3),
         ("E", "D", 4), ("D", "F", 11), ("E", "F", 20), ("G", "H", 1)]
graph = {}
for u, v, w in EDGES:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, []).append((u, w))
for k in graph:
    graph[k].sort()
print({k: [n for n, _ in vs] for k, vs in graph.items()})
def bfs(start):
    order = [start]
    dist = {start: 0}
    queue = [start]
    while queue:
        u = queue.pop(0)
        for v, _ in graph[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                order.append(v)
                queue.append(v)
    return order, dist
def dfs(u, seen=None, order=None):
    if seen is None:
        seen, order = set(), []
    seen.add(u)
    order.append(u)
    for v, _ in graph[u]:
        if v not in seen:
            dfs(v, seen, order)
    return order
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    heap = MinHeap()
    heap.push((0, src))
    while len(heap):
        d, u = heap.pop()
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heap.push((nd, v))
    return dist, prev
def path(prev, dst):
    out = [dst]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]
print(bfs("A"))
print(dfs("A"))
dist, prev = dijkstra("A")
for node in sorted(dist):
    print(node, dist[node], "->".join(path(prev, node)))
def components():
    seen = set()
    comps = []
    for node in sorted(graph):
        if node not in seen:
            comp = dfs(node, set(), [])
            seen.update(comp)
            comps.append(sorted(comp))
    return comps
print(components())
DAG = {"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"], "belt": ["jacket"],
       "socks": ["shoes"], "shoes": [], "jacket": [], "watch": []}
def topo(dag):
    indeg = {k: 0 for k in dag}
    for vs in dag.values():
        for v in vs:
            indeg[v] += 1
    ready = sorted(k for k, d in indeg.items() if d == 0)
    out = []
    while ready:
        u = ready.pop(0)
        out.append(u)
        for v in dag[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v)
                ready.sort()
    return out if len(out) == len(dag) else None
print(topo(DAG))
print(topo({"a": ["b"], "b": ["c"], "c": ["a"]}))
h = MinHeap()
for x in [5, 3, 9, 1, 7, 3, 8]:
    h.push(x)
print([h.pop() for _ in range(len(h))])
