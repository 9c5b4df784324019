# A library lending system with abstract base classes, properties, enums and custom errors.
from abc import ABC, abstractmethod
from enum import Enum
class Status(Enum):
    AVAILABLE = 1
    LOANED = 2
    LOST = 3
class LibraryError(Exception):
    pass
class Item(ABC):
    def __init__(self, code, title):
        self.code = code
        self.title = title
        self.status = Status.AVAILABLE
        self.history = []
    @abstractmethod
    def loan_days(self):
        pass
    @property
    def label(self):
        return f"{self.code}:{self.title}"
    def __repr__(self):
        return f"{type(self).__name__}({self.label}, {self.status.name})"
class Book(Item):
    def __init__(self, code, title, pages):
        super().__init__(code, title)
        self.pages = pages
    def loan_days(self):
        return 21 if self.pages > 300 else 14
class DVD(Item):
    def loan_days(self):
        return 7
class Member:
    def __init__(self, name, limit=2):
        self.name = name
        self.limit = limit
        self.loans = {}
        self.fines = 0
class Library:
    FINE_PER_DAY = 25
    def __init__(self):
        self.items = {}
        self.members = {}
    def add(self, item):
        self.items[item.code] = item
    def join(self, member):
        self.members[member.name] = member
    def lend(self, code, name, day):
        item = self.items.get(code)
        m = self.members[name]
        if item is None:
            raise LibraryError(f"no item {code}")
        if item.status is not Status.AVAILABLE:
            raise LibraryError(f"{item.label} is {item.status.name.lower()}")
        if len(m.loans) >= m.limit:
            raise LibraryError(f"{name} reached limit {m.limit}")
        item.status = Status.LOANED
        due = day + item.loan_days()
        m.loans[code] = due
        item.history.append((name, day))
        return due
    def give_back(self, code, name, day):
        m = self.members[name]
        if code not in m.loans:
            raise LibraryError(f"{name} does not have {code}")
        due = m.loans.pop(code)
        late = max(0, day - due)
        m.fines += late * self.FINE_PER_DAY
        self.items[code].status = Status.AVAILABLE
        return late
lib = Library()
for it in [Book("B1", "Dune", 412), Book("B2", "Gatsby", 180), DVD("D1", "Alien"), Book("B3", "Emma", 474)]:
    lib.add(it)
for m in [Member("ann"), Member("bob", limit=1)]:
    lib.join(m)
actions = [("lend", "B1", "ann", 1), ("lend", "D1", "ann", 2), ("lend", "B2", "ann", 3),
           ("lend", "B1", "bob", 3), ("lend", "B2", "bob", 4), ("lend", "B3", "bob", 5),
           ("return", "D1", "ann", 12), ("return", "B2", "bob", 30), ("lend", "X9", "ann", 31),
           ("return", "B1", "ann", 22), ("return", "B1", "ann", 23), ("lend", "B1", "bob", 40)]
for act, code, name, day in actions:
    try:
        if act == "lend":
            print(f"day {day:>2}: {name} borrows {code}, due day {lib.lend(code, name, day)}")
        else:
            print(f"day {day:>2}: {name} returns {code}, {lib.give_back(code, name, day)} days late")
    except LibraryError as e:
        print(f"day {day:>2}: refused: {e}")
lib.items["B3"].status = Status.LOST
print(list(lib.items.values()))
for m in lib.members.values():
    print(m.name, m.loans, m.fines)
print({code: it.history for code, it in lib.items.items()})
try:
    Item("Z", "abstract")
except TypeError as e:
    print("TypeError:", e)
