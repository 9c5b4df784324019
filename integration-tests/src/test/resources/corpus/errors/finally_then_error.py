# finally blocks and with-exits run before the uncaught error terminates the program.
class Resource:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, et, ev, tb):
        print("release, error:", et.__name__ if et else None)
        return False
def work():
    with Resource():
        try:
            print("working")
            raise RuntimeError("work failed")
        finally:
            print("inner finally")
try:
    work()
finally:
    print("outer finally")
