# staticmethod and classmethod.
class Temperature:
    unit = "C"
    instances = 0
    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.instances += 1
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.unit}, {cls.instances} made"
    def to_f(self):
        return self.c_to_f(self.degrees)
t = Temperature(100)
print(t.to_f(), Temperature.c_to_f(-40), t.c_to_f(0))
u = Temperature.from_fahrenheit(212)
print(u.degrees, type(u).__name__, Temperature.describe(), u.describe())
class Kelvin(Temperature):
    unit = "K"
k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.degrees, Kelvin.describe(), Temperature.describe())
