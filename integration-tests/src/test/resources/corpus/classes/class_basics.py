# Class definition, instances, attributes, methods.
class Dog:
    species = "canis familiaris"
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.tricks = []
        Dog.count += 1
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def describe(self):
        return f"{self.name} ({self.age}) knows {len(self.tricks)} tricks: {', '.join(self.tricks) or 'none'}"
rex = Dog("Rex", 3)
fido = Dog("Fido", 7)
rex.add_trick("sit").add_trick("roll")
print(rex.describe())
print(fido.describe())
print(Dog.count, rex.species, fido.species, Dog.species)
rex.species = "wolf?"
print(rex.species, fido.species, Dog.species)
Dog.species = "dog"
print(rex.species, fido.species)
print(type(rex).__name__, isinstance(rex, Dog), Dog.__name__)
print(rex.name, getattr(fido, "age"), getattr(fido, "weight", "n/a"), hasattr(rex, "tricks"))
setattr(fido, "weight", 30)
print(fido.weight)
try:
    rex.weight
except AttributeError as e:
    print("AttributeError:", e)
