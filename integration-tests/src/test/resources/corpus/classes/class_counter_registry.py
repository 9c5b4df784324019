# Class-level registries and id counters.
class Entity:
    _next_id = 1
    registry = {}
    def __init__(self, kind):
        self.id = Entity._next_id
        Entity._next_id += 1
        self.kind = kind
        Entity.registry[self.id] = self
    @classmethod
    def by_kind(cls, kind):
        return [e.id for e in cls.registry.values() if e.kind == kind]
    def __repr__(self):
        return f"Entity#{self.id}<{self.kind}>"
for k in ["tree", "rock", "tree", "bird", "rock", "tree"]:
    Entity(k)
print(Entity.registry)
print(Entity.by_kind("tree"), Entity.by_kind("rock"), Entity.by_kind("fish"))
del Entity.registry[3]
print(list(Entity.registry), Entity._next_id)
