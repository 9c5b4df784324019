# A discrete-event simulation of a small queueing system with a seeded generator.
import random
class Event:
    counter = 0
    def __init__(self, time, kind, customer):
        self.time = time
        self.kind = kind
        self.customer = customer
        Event.counter += 1
        self.seq = Event.counter
    def __lt__(self, other):
        return (self.time, self.seq) < (other.time, other.seq)
class EventQueue:
    def __init__(self):
        self.items = []
    def push(self, ev):
        lo, hi = 0, len(self.items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.items[mid] < ev:
                lo = mid + 1
            else:
                hi = mid
        self.items.insert(lo, ev)
    def pop(self):
        return self.items.pop(0)
    def __bool__(self):
        return bool(self.items)
random.seed(11)
q = EventQueue()
t = 0
for cid in range(1, 13):
    t += random.randint(1, 4)
    q.push(Event(t, "arrive", cid))
servers_free = 2
waiting = []
log = []
waits = {}
arrived_at = {}
busy_time = 0
while q:
    ev = q.pop()
    if ev.kind == "arrive":
        arrived_at[ev.customer] = ev.time
        if servers_free:
            servers_free -= 1
            dur = random.randint(4, 11)
            busy_time += dur
            waits[ev.customer] = 0
            q.push(Event(ev.time + dur, "depart", ev.customer))
        else:
            waiting.append(ev.customer)
    else:
        if waiting:
            nxt = waiting.pop(0)
            dur = random.randint(4, 11)
            busy_time += dur
            waits[nxt] = ev.time - arrived_at[nxt]
            q.push(Event(ev.time + dur, "depart", nxt))
        else:
            servers_free += 1
    log.append(f"t={ev.time:>3} {ev.kind:<6} c{ev.customer:<3} free={servers_free} queue={waiting}")
print("\n".join(log))
print("waits", waits)
print("average wait", round(sum(waits.values()) / len(waits), 3), "max", max(waits.values()))
print("busy time", busy_time, "end", ev.time, "events", Event.counter)
