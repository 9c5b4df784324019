# Order of try/except/else/finally.
def run(x):
    log = []
    try:
        log.append("try")
        if x == 1:
            raise ValueError("one")
        if x == 2:
            raise KeyError("two")
        log.append("try-end")
    except ValueError as e:
        log.append(f"except ValueError {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(0))
print(run(1))
try:
    print(run(2))
except KeyError as e:
    print("outer caught", e)
def nested():
    try:
        try:
            raise TypeError("inner")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer except", e)
    finally:
        print("outer finally")
nested()
