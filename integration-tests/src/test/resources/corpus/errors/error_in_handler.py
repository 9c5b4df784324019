# An exception raised while handling another one.
def risky():
    return [1, 2][5]
try:
    risky()
except IndexError as e:
    print("handling", e)
    log = {}
    log["count"] += 1
