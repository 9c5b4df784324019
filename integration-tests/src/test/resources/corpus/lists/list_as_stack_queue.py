# Using lists as stacks and queues.
stack = []
for tok in "3 4 + 2 * 7 1 - /".split():
    if tok in "+-*/":
        b = stack.pop()
        a = stack.pop()
        if tok == "+":
            stack.append(a + b)
        elif tok == "-":
            stack.append(a - b)
        elif tok == "*":
            stack.append(a * b)
        else:
            stack.append(a / b)
    else:
        stack.append(int(tok))
    print(tok, stack)
queue = [1]
seen = []
while queue and len(seen) < 15:
    x = queue.pop(0)
    seen.append(x)
    queue.append(2 * x)
    queue.append(2 * x + 1)
print(seen, len(queue))
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for c in s:
        if c in "([{":
            st.append(c)
        elif c in pairs:
            if not st or st.pop() != pairs[c]:
                return False
    return not st
for s in ["()", "([]{})", "(]", "((", "{[()()]}", ""]:
    print(repr(s), balanced(s))
