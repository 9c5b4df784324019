# Enums drive a traffic light state machine.
from enum import Enum
class Light(Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3
TRANSITIONS = {Light.RED: Light.GREEN, Light.GREEN: Light.YELLOW, Light.YELLOW: Light.RED}
DURATIONS = {Light.RED: 4, Light.GREEN: 3, Light.YELLOW: 1}
state = Light.RED
elapsed = 0
timeline = []
for tick in range(20):
    timeline.append(state.name[0])
    elapsed += 1
    if elapsed >= DURATIONS[state]:
        print(f"tick {tick}: {state.name} -> {TRANSITIONS[state].name}")
        state = TRANSITIONS[state]
        elapsed = 0
print("".join(timeline))
print(state, repr(state), sorted(Light, key=lambda l: DURATIONS[l]))
