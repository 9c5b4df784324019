# A loop driven by an explicit state variable.
def parse_number(s):
    state = "start"
    sign = 1
    value = 0
    frac = 0.0
    scale = 0.1
    for ch in s:
        if state == "start":
            if ch in "+-":
                sign = -1 if ch == "-" else 1
                state = "int"
            elif ch.isdigit():
                value = int(ch)
                state = "int"
            else:
                return None
        elif state == "int":
            if ch.isdigit():
                value = value * 10 + int(ch)
            elif ch == ".":
                state = "frac"
            else:
                return None
        elif state == "frac":
            if ch.isdigit():
                frac += int(ch) * scale
                scale /= 10
            else:
                return None
    return sign * (value + frac)
for s in ["42", "-17", "+3.25", "0.5", "1.2.3", "abc", "-", "12x"]:
    print(repr(s), parse_number(s))
