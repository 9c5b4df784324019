#!/usr/bin/env python3
"""Generates random_streams.txt for MersenneTwisterTest with CPython 3.11 (the oracle).

Each line: seed, operation, arguments (comma separated), expected result; operations run in file
order on one generator per seed, so the file pins down both the values and the order of draws.
Floats are written as 16 hex digits of their IEEE bits. Errors are written as '!Type: message'.
"""
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), 'the oracle is CPython 3.11'


def fbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


OPS = [
    ('random', ()), ('random', ()), ('random', ()),
    ('getrandbits', (0,)), ('getrandbits', (1,)), ('getrandbits', (5,)), ('getrandbits', (31,)),
    ('getrandbits', (32,)), ('getrandbits', (33,)), ('getrandbits', (63,)), ('getrandbits', (64,)),
    ('getrandbits', (65,)), ('getrandbits', (100,)), ('getrandbits', (256,)), ('getrandbits', (-1,)),
    ('randbelow', (1,)), ('randbelow', (2,)), ('randbelow', (3,)), ('randbelow', (7,)), ('randbelow', (10,)),
    ('randbelow', (100,)), ('randbelow', (2 ** 31,)), ('randbelow', (2 ** 32 + 1,)), ('randbelow', (2 ** 62 + 5,)),
    ('randbelow', (2 ** 64 + 3,)), ('randbelow', (10 ** 30,)),
    ('randrange', (10,)), ('randrange', (5, 100)), ('randrange', (0, 100, 7)), ('randrange', (100, 0, -3)),
    ('randrange', (-50, 50, 5)), ('randrange', (2 ** 70,)), ('randrange', (-2 ** 64, 2 ** 64, 3)),
    ('randrange', (-2 ** 63, 2 ** 63 - 1)), ('randrange', (0,)), ('randrange', (5, 5)), ('randrange', (1, 10, 0)),
    ('randrange', (10, 1, 2)), ('randint', (1, 6)), ('randint', (1, 6)), ('randint', (-10 ** 20, 10 ** 20)),
    ('randint', (0, 2 ** 63 - 1)), ('choice', (1,)), ('choice', (5,)), ('choice', (1000,)), ('choice', (0,)),
    ('shuffle', (20,)), ('shuffle', (1,)), ('shuffle', (100,)), ('uniform', (-1.0, 1.0)), ('uniform', (10.0, 5.0)),
    ('sample', (10, 3)), ('sample', (100, 10)), ('sample', (1000, 50)), ('sample', (30, 30)), ('random', ()),
]
OPS += [('random', ())] * 700  # crosses the 624-word state regeneration more than once

SEEDS = [0, 1, 42, -7, 2 ** 32 - 1, 2 ** 32, -2 ** 63, 2 ** 70, 12345678901234567890, 10 ** 100]


def run(r, op, args):
    if op == 'random':
        return fbits(r.random())
    if op == 'getrandbits':
        return str(r.getrandbits(*args))
    if op == 'randbelow':
        return str(r._randbelow(*args))
    if op in ('randrange', 'randint'):
        return str(getattr(r, op)(*args))
    if op == 'choice':
        return str(r.choice(range(args[0])))
    if op == 'shuffle':
        x = list(range(args[0]))
        r.shuffle(x)
        return ' '.join(map(str, x))
    if op == 'uniform':
        return fbits(r.uniform(*args))
    if op == 'sample':
        return ' '.join(map(str, r.sample(range(args[0]), args[1])))
    raise ValueError(op)


with open('random_streams.txt', 'w', newline='\n') as f:
    for seed in SEEDS:
        r = random.Random(seed)
        for op, args in OPS:
            try:
                expected = run(r, op, args)
            except Exception as e:  # noqa: BLE001 - the exception is the expected value
                expected = '!' + type(e).__name__ + ': ' + str(e)
            f.write('\t'.join([str(seed), op, ','.join(map(repr, args)), expected]) + '\n')
