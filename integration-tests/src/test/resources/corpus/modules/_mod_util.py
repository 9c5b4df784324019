# Helper module (not a program): simple functions, constants and module state.
print("loading _mod_util")
VERSION = "1.2"
GREETING = "hello"
counter = 0
_private = "hidden by convention"
def bump(n=1):
    global counter
    counter += n
    return counter
def shout(s):
    return s.upper() + "!"
def describe():
    return f"_mod_util v{VERSION}, counter={counter}"
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return f"{GREETING}, {self.name}"
