# Exceptions raised inside handlers and finally blocks.
def level3():
    raise ValueError("level3 failed")
def level2():
    try:
        level3()
    except ValueError as e:
        raise KeyError(f"level2 wraps: {e}")
def level1():
    try:
        level2()
    except KeyError as e:
        print("level1 caught", repr(e), "context", repr(e.__context__))
        return "recovered"
    finally:
        print("level1 finally")
print(level1())
def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    finally_raises()
except TypeError as e:
    print("got", repr(e), "context", repr(e.__context__))
except ValueError as e:
    print("unexpected")
def handler_order():
    results = []
    for exc in [ValueError("v"), TypeError("t"), KeyError("k"), Exception("e")]:
        try:
            raise exc
        except (TypeError, ValueError) as e:
            results.append("tv:" + str(e))
        except LookupError as e:
            results.append("lookup:" + str(e))
        except Exception as e:
            results.append("generic:" + str(e))
    return results
print(handler_order())
