# Helper module (not a program): raises an exception class defined in a module.
class FailError(Exception):
    pass
def explode(reason):
    raise FailError(f"module failure: {reason}")
