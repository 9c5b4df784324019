# Helper module (not a program): exception types and a function that raises.
class ModuleError(Exception):
    def __init__(self, code, msg):
        super().__init__(f"[{code}] {msg}")
        self.code = code
def checked_div(a, b):
    if b == 0:
        raise ModuleError(17, "divide by zero in module")
    return a / b
def deep(n):
    if n == 0:
        return [][1]
    return deep(n - 1)
