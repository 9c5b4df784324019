# return/break/continue interacting with finally.
def ret_in_finally():
    try:
        return "from try"
    finally:
        print("finally runs before return")
def finally_overrides():
    try:
        return "try value"
    finally:
        return "finally value"
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def ret_in_except():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("finally after except-return")
print(ret_in_finally())
print(finally_overrides())
print(finally_swallows())
print(ret_in_except())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def loop_break_finally():
    out = []
    for i in range(3):
        try:
            out.append(i)
            return out
        finally:
            out.append("f")
            if i == 0:
                continue
    return out
print(loop_break_finally())
def counter():
    n = 0
    while True:
        try:
            n += 1
            if n == 4:
                break
        finally:
            print("tick", n)
    return n
print(counter())
