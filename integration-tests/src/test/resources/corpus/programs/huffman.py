# Huffman coding with deterministic tie-breaking; encode, decode and compare sizes.
class Leaf:
    def __init__(self, ch, freq):
        self.ch = ch
        self.freq = freq
        self.key = ch
class Branch:
    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.freq = left.freq + right.freq
        self.key = min(left.key, right.key)
def build(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    nodes = [Leaf(c, f) for c, f in freq.items()]
    while len(nodes) > 1:
        nodes.sort(key=lambda n: (n.freq, n.key))
        a = nodes.pop(0)
        b = nodes.pop(0)
        nodes.append(Branch(a, b))
    return nodes[0], freq
def codes(node, prefix="", table=None):
    if table is None:
        table = {}
    if isinstance(node, Leaf):
        table[node.ch] = prefix or "0"
    else:
        codes(node.left, prefix + "0", table)
        codes(node.right, prefix + "1", table)
    return table
def decode(root, bits):
    if isinstance(root, Leaf):
        return root.ch * len(bits)
    out = []
    node = root
    for b in bits:
        node = node.left if b == "0" else node.right
        if isinstance(node, Leaf):
            out.append(node.ch)
            node = root
    return "".join(out)
texts = ["abracadabra", "mississippi river", "aaaaaaaa",
         "the quick brown fox jumps over the lazy dog while the lazy dog sleeps"]
for text in texts:
    root, freq = build(text)
    table = codes(root)
    bits = "".join(table[c] for c in text)
    print(repr(text))
    for ch in sorted(table, key=lambda c: (len(table[c]), c)):
        print(f"   {ch!r}: {freq[ch]:>2} {table[ch]}")
    print("  bits", len(bits), "vs", 8 * len(text), "ratio", round(len(bits) / (8 * len(text)), 4))
    print("  roundtrip", decode(root, bits) == text, bits[:40])
