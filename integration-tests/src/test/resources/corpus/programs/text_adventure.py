# A scripted text adventure: rooms, items, locked doors and a command parser state machine.
ROOMS = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "kitchen": {"desc": "a cold kitchen", "exits": {"west": "hall", "down": "cellar"}, "items": ["knife", "bread"]},
    "library": {"desc": "a silent library", "exits": {"south": "hall", "up": "tower"}, "items": ["book"]},
    "cellar": {"desc": "a dark cellar", "exits": {"up": "kitchen"}, "items": ["key"]},
    "tower": {"desc": "the top of the tower", "exits": {"down": "library"}, "items": ["crown"]},
}
LOCKED = {("library", "up"): "key"}
DARK = {"cellar"}
class Game:
    def __init__(self):
        self.room = "hall"
        self.inventory = []
        self.moves = 0
        self.state = "playing"
        self.score = 0
    def look(self):
        r = ROOMS[self.room]
        if self.room in DARK and "lamp" not in self.inventory:
            return "It is too dark to see."
        items = ", ".join(r["items"]) or "nothing"
        exits = ", ".join(sorted(r["exits"]))
        return f"You are in {r['desc']}. You see: {items}. Exits: {exits}."
    def go(self, direction):
        r = ROOMS[self.room]
        if direction not in r["exits"]:
            return "You can't go that way."
        need = LOCKED.get((self.room, direction))
        if need and need not in self.inventory:
            return f"The way {direction} is locked."
        self.room = r["exits"][direction]
        self.moves += 1
        return self.look()
    def take(self, item):
        r = ROOMS[self.room]
        if self.room in DARK and "lamp" not in self.inventory:
            return "You fumble in the dark."
        if item not in r["items"]:
            return f"There is no {item} here."
        r["items"].remove(item)
        self.inventory.append(item)
        self.score += 10
        if item == "crown":
            self.state = "won"
            self.score += 100
        return f"Taken: {item}."
    def drop(self, item):
        if item not in self.inventory:
            return f"You don't have {item}."
        self.inventory.remove(item)
        ROOMS[self.room]["items"].append(item)
        return f"Dropped: {item}."
    def command(self, line):
        words = line.lower().split()
        if not words:
            return "Say something."
        verb, args = words[0], words[1:]
        if verb in ("n", "s", "e", "w", "u", "d"):
            verb, args = "go", [{"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down"}[verb]]
        if verb == "look":
            return self.look()
        if verb == "go" and args:
            return self.go(args[0])
        if verb == "take" and args:
            return self.take(args[0])
        if verb == "drop" and args:
            return self.drop(args[0])
        if verb in ("inv", "inventory"):
            return "You carry: " + (", ".join(sorted(self.inventory)) or "nothing")
        return f"I don't understand '{line}'."
script = ["look", "inv", "take lamp", "n", "u", "s", "e", "d", "take key", "u", "take bread", "d",
          "take ghost", "drop bread", "look", "", "u", "w", "dance", "n", "inv", "go up", "take crown", "look"]
g = Game()
for line in script:
    print(f"> {line}")
    print(g.command(line))
    if g.state == "won":
        print("*** You won! ***")
        break
print("moves", g.moves, "score", g.score, "room", g.room, "inventory", g.inventory)
print({name: r["items"] for name, r in ROOMS.items()})
