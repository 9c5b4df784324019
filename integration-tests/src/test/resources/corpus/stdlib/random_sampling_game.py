# A seeded card game using random.shuffle and random.choice.
import random
random.seed(314)
suits = ["S", "H", "D", "C"]
ranks = ["2", "3", "4", "5", "6", "7", "8", "9", "T", "J", "Q", "K", "A"]
deck = [r + s for s in suits for r in ranks]
random.shuffle(deck)
print(deck[:10])
hands = {p: [] for p in ["north", "east", "south", "west"]}
players = list(hands)
for i in range(20):
    hands[players[i % 4]].append(deck.pop())
def value(card):
    return ranks.index(card[0]) + 2
for p in players:
    h = sorted(hands[p], key=value, reverse=True)
    print(p, h, sum(value(c) for c in h))
winner = max(players, key=lambda p: sum(value(c) for c in hands[p]))
print("winner", winner, "deck left", len(deck))
print(random.choice(deck), random.randrange(0, 52, 4), random.uniform(1, 2) < 2)
