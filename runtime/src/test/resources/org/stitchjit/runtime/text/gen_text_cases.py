#!/usr/bin/env python3
"""Generates the expected-output files for the org.stitchjit.runtime.text tests.

Run from this directory with CPython 3.11 (the oracle):  python3 gen_text_cases.py
Every file is tab separated; each field is encoded by enc() below (backslash, '|', '=' and every
code point outside printable ASCII are written as \\u{hex}), so fields never contain tabs or
newlines. An expected value starting with '!' is an exception: '!ValueError: message'.
"""
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), 'the oracle is CPython 3.11'

R = random.Random(20240611)


def enc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '\\':
            out.append('\\\\')
        elif 0x20 <= o < 0x7f and ch not in '|=':
            out.append(ch)
        else:
            out.append('\\u{%x}' % o)
    return ''.join(out)


def fbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def outcome(fn, encoded=False):
    """fn()'s result encoded (or as is when fn already encodes it), or the exception it raises."""
    try:
        result = fn()
        return result if encoded else enc(result)
    except Exception as e:  # noqa: BLE001 - the exception is the expected value
        return '!' + type(e).__name__ + ': ' + enc(str(e))


def write(name, rows):
    with open(name, 'w', encoding='ascii', newline='\n') as f:
        for row in rows:
            f.write('\t'.join(row) + '\n')


def random_double():
    mode = R.randrange(6)
    if mode == 0:
        while True:
            x = struct.unpack('<d', struct.pack('<Q', R.getrandbits(64)))[0]
            if not math.isnan(x):
                return x
    if mode == 1:
        return R.uniform(-1, 1) * 10 ** R.randrange(-30, 30)
    if mode == 2:
        return R.randrange(-10 ** 6, 10 ** 6) / 10 ** R.randrange(0, 8)
    if mode == 3:
        return math.ldexp(1.0, R.randrange(-1074, 1024)) * R.choice([1, -1])
    if mode == 4:
        return struct.unpack('<d', struct.pack('<Q', R.getrandbits(52)))[0]
    return float(R.randrange(-2 ** 60, 2 ** 60))


SPECIAL_DOUBLES = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5,
                   1.5e-5, 1e22, 1e23, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
                   1.7976931348623157e308, float('inf'), float('-inf'), float('nan'), 123456789012345678.0,
                   0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 9.995, 0.0005, 0.00049999999999999999, 100.0, 1e100,
                   123.456, -123.456, 4.35, 0.045, 1e-7, 12345678.9, 9007199254740993.0, 2.0 ** 63, 2.0 ** 64,
                   299792458.0, 6.02214076e23, 1.602176634e-19, 3.141592653589793, 2.718281828459045]

# ------------------------------------------------------------------------------------------------
# repr(float)

rows = [[fbits(x), repr(x)] for x in SPECIAL_DOUBLES]
while len(rows) < 10000 + len(SPECIAL_DOUBLES):
    x = random_double()
    rows.append([fbits(x), repr(x)])
write('float_repr.txt', rows)

# ------------------------------------------------------------------------------------------------
# round(float, n)

rows = []
for x in SPECIAL_DOUBLES + [random_double() for _ in range(3000)]:
    for n in R.sample([-310, -20, -5, -2, -1, 0, 1, 2, 3, 5, 10, 17, 300, 330], 3):
        rows.append([fbits(x), str(n), outcome(lambda: fbits(round(x, n)))])
write('float_round.txt', rows)

# ------------------------------------------------------------------------------------------------
# format(value, spec) for float, int and str


def random_spec(kind):
    parts = []
    if R.random() < 0.3:
        fill = R.choice(['', '', '*', '0', 'x', '\u00e9', '\U0001F600', '<', '{'])
        parts.append(fill + R.choice('<>^='))
    if R.random() < 0.4:
        parts.append(R.choice('+- '))
    if R.random() < 0.1:
        parts.append('z')
    if R.random() < 0.2:
        parts.append('#')
    if R.random() < 0.25:
        parts.append('0')
    if R.random() < 0.5:
        parts.append(str(R.randrange(0, 25)))
    if R.random() < 0.25:
        parts.append(R.choice(',_'))
    if R.random() < 0.5:
        parts.append('.' + str(R.randrange(0, 25)))
    if R.random() < 0.8:
        if kind == 'float':
            parts.append(R.choice('eEfFgGn%' * 3 + 'dsxc'))
        elif kind == 'int':
            parts.append(R.choice('bcdoxXn' * 3 + 'eEfFgG%s'))
        else:
            parts.append(R.choice('s' * 6 + 'dx'))
    return ''.join(parts)


FLOAT_VALUES = SPECIAL_DOUBLES + [random_double() for _ in range(300)]
INT_VALUES = [0, 1, -1, 7, -7, 42, 65, 255, -255, 1000, 1234567, -1234567, 2 ** 31, 2 ** 63 - 1, -2 ** 63,
              2 ** 64, -2 ** 100, 10 ** 30, 0x10FFFF, 0x110000, 128512]
STR_VALUES = ['', 'a', 'abc', 'hello world', '\u00e9t\u00e9', '\U0001F600x\U0001F600', 'tab\there', "it's"]

rows = []
FIXED_SPECS = ['', 'f', '.2f', '10.3f', '<10', '^10', '=+10', '010', '010,', ',', '_', '.3e', 'E', '.0e', '#.0e',
               'g', '.3g', '#g', 'G', '.0', '.1', '.3', '.12', '.17', '.20f', '.30f', 'n', '%', '.1%', 'z.2f', 'z',
               '+', ' ', '#', '012,.2f', '015,g', '0=15,', 'x=+8', '*^15.4e', '.100f', '.50e', '.25g']
for x in FLOAT_VALUES:
    for spec in FIXED_SPECS + [random_spec('float') for _ in range(15)]:
        rows.append(['float', fbits(x), enc(spec), outcome(lambda: format(x, spec))])
for v in INT_VALUES + [R.randrange(-10 ** R.randrange(1, 40), 10 ** R.randrange(1, 40)) for _ in range(60)]:
    for spec in ['', 'd', 'x', 'X', '#x', '#o', 'b', '#b', 'c', ',', '_', '_x', '#012_x', '010,', '09,', '08,',
                 '+', ' ', '=+10', '^9', 'e', '.2f', '%', 'g', 'n', '.2', 'z', 's'] + \
                [random_spec('int') for _ in range(40)]:
        rows.append(['int', str(v), enc(spec), outcome(lambda: format(v, spec))])
for s in STR_VALUES:
    for spec in ['', 's', '5', '<7', '>7', '^7', '^8', '*^9', '.2', '10.3', '05', '+', ' ', '-', '#', 'z', '=5',
                 ',', '_', 'd', '\U0001F600^6'] + [random_spec('str') for _ in range(40)]:
        rows.append(['str', enc(s), enc(spec), outcome(lambda: format(s, spec))])
write('format_spec.txt', rows)

# ------------------------------------------------------------------------------------------------
# Encoded argument values for % and str.format: i:int b:bool f:float s:str n:None and containers.


class Val:
    def __init__(self, code, py):
        self.code = code
        self.py = py


def v_int(n):
    return Val('i:' + str(n), n)


def v_float(x):
    return Val('f:' + fbits(x), x)


def v_str(s):
    return Val('s:' + enc(s), s)


SCALARS = [v_int(0), v_int(42), v_int(-7), v_int(65), v_int(2 ** 70), v_int(-2 ** 64), v_int(0x110000),
           Val('b:1', True), Val('b:0', False), Val('n:', None),
           v_float(3.14159), v_float(-0.0), v_float(1e20), v_float(float('nan')), v_float(float('inf')),
           v_float(-2.5), v_float(1234.5678), v_float(1e-7), v_float(0.5),
           v_str('abc'), v_str(''), v_str('x'), v_str('\u00e9'), v_str('\U0001F600'), v_str("it's \"q\"\n")]


def tuple_code(items):
    return 'T|' + '|'.join(v.code for v in items)


rows = []
CONVS = 'sracdiuoxXeEfFgG'
for _ in range(3000):
    n = R.randrange(0, 4)
    items = [R.choice(SCALARS) for _ in range(n)]
    fmt_parts = []
    for k in range(R.choice([n, n, n, n - 1, n + 1]) if n > 0 else R.randrange(0, 2)):
        flags = ''.join(R.sample('-+ #0', R.randrange(0, 3)))
        width = R.choice(['', '', '5', '12', '*', '0'])
        prec = R.choice(['', '', '.2', '.0', '.10', '.*', '.'])
        length = R.choice(['', '', '', 'l', 'h'])
        conv = R.choice(CONVS + '%z')
        fmt_parts.append(R.choice(['', 'a', ' | ', '%%']) + '%' + flags + width + prec + length + conv)
    fmt = ''.join(fmt_parts) + R.choice(['', '.', '%', '%%'])
    if R.random() < 0.2 and n == 1:
        args_code, args = 'S|' + items[0].code, items[0].py
    else:
        args_code, args = tuple_code(items), tuple(v.py for v in items)
    expected = outcome(lambda: fmt % args)
    if len(expected) < 1000:  # a '*' width taken from a large int would make a huge line
        rows.append([enc(fmt), args_code, expected])
# Mapping and list arguments, and hand-written edge cases.
d_items = {'a': v_int(1), 'b': v_float(2.5), 'name': v_str('Bob'), '(x)': v_str('paren')}
d_code = 'D|' + '|'.join(enc(k) + '=' + v.code for k, v in d_items.items())
d_py = {k: v.py for k, v in d_items.items()}
for fmt in ['%(a)s', '%(a)d %(b).3f %(name)r', '%(name)-6s|', '%(missing)s', '%((x))s', '%(a', '%(a)',
            '%s', 'plain', '%(a)s %s', '%(a)*d', '%(b)x', '%(a)5d|%(b)-8.2e|']:
    rows.append([enc(fmt), d_code, outcome(lambda: fmt % d_py)])
for fmt in ['%s', 'plain', '%s %s', '%(a)s']:
    rows.append([enc(fmt), 'L|i:1|i:2', outcome(lambda: fmt % [1, 2])])
for fmt in ['%(a)s', 'x%(a']:
    rows.append([enc(fmt), 'S|i:5', outcome(lambda: fmt % 5)])
for fmt, items in [('%*d', [v_int(5), v_int(42)]), ('%-*d|', [v_int(-5), v_int(1)]), ('%.*f', [v_int(2), v_float(3.14159)]),
                   ('%*.*f', [v_int(10), v_int(2), v_float(3.14159)]), ('%.*s', [v_int(-3), v_str('abc')]),
                   ('%*d', [v_str('a'), v_int(1)]), ('%*d', [v_float(2.0), v_int(1)]), ('%*d', [v_int(2 ** 70), v_int(1)]),
                   ('%.*f', [v_int(-1), v_float(1.5)]), ('%5%', [v_int(1)]), ('%-%', []), ('%5', []), ('%', []),
                   ('%\U0001F600', [v_int(1)]), ('%\u00e9', [v_int(1)]), ('%\x01', [v_int(1)]), ('%s%z', []),
                   ('%c', [v_str('ab')]), ('%c', [v_float(65.0)]), ('%c', [v_int(-1)]), ('%c', [v_str('\U0001F600')]),
                   ('%lld', [v_int(1)]), ('%Ld', [v_int(1)]), ('%08.3d', [v_int(-5)]), ('%#05x', [v_int(5)]),
                   ('%010f', [v_float(float('inf'))]), ('%-010f|', [v_float(float('-inf'))]),
                   ('%+f', [v_float(float('nan'))]), ('%d', [v_float(float('nan'))]), ('%d', [v_float(float('inf'))]),
                   ('%d', [v_float(1e20)]), ('%d', [v_float(-3.9)]), ('%e', [v_int(2 ** 2000)]), ('%f', [v_int(10 ** 400)]),
                   ('%x', [v_float(3.0)]), ('%x', [v_int(-255)]), ('%#X', [v_int(255)]), ('%o', [v_str('a')]),
                   ('%i', [v_str('a')]), ('%f', [v_str('a')]), ('%.3s|%5.1s|', [v_str('abcdef'), v_str('xyz')])]:
    rows.append([enc(fmt), tuple_code(items), outcome(lambda: fmt % tuple(v.py for v in items))])
write('percent_format.txt', rows)

# ------------------------------------------------------------------------------------------------
# str.format

rows = []
POS = [v_int(42), v_float(3.14159), v_str('abc'), v_int(-7), v_str('\u00e9'), v_float(-0.0), v_int(2 ** 70),
       Val('b:1', True), Val('n:', None)]
KW = {'x': v_int(1), 'name': v_str('Bob'), 'w': v_int(10), 'p': v_int(3), 'f': v_str('>')}
kw_code = '|'.join(enc(k) + '=' + v.code for k, v in KW.items())
kw_py = {k: v.py for k, v in KW.items()}
pos_code = '|'.join(v.code for v in POS)
pos_py = [v.py for v in POS]
TEMPLATES = [
    '', 'plain', '{{}}', '{{{0}}}', '{}', '{} {}', '{0} {1} {0}', '{2!r}', '{2!s:>6}', '{4!a}', '{name}', '{x:05d}',
    '{:{w}}', '{0:{w}.{p}f}', '{1:{f}{w}.{p}}', '{:{}}', '{0:{1}}', '{}{0}', '{0}{}', '{9}', '{missing}', '{ 0}',
    '{00}', '{-1}', '{0.}', '{0[}', '{0[0]x}', '{0x}', '{', '}', 'a}b', '{0', '{0:', '{!}', '{!r', '{!rr}', '{!x}',
    '{!\u00e9}', '{0!}', '{0!:}', '{:{:{}}}', '{99999999999999999999}', '{0:}}', '{0:{{}}', '{:{', '{2:.2}',
    '{1:e}', '{1:%}', '{3:+d}', '{6:,}', '{6:x}', '{7}', '{7:d}', '{7:>5}', '{8}', '{8:>5}', '{8!r:>6}',
    '{0:c}', '{2:d}', '{1:x}', '{5:z}', '{5}', '{0:s}', '{0.real}', '{0[0]}', '{name[0]}', '{0:{p}.{x}}',
    '{:\U0001F600^7}', '{name:{f}8}', '{:>{w}}|{:<{w}}', '{0:{1!r}}', '{:{}{}}',
]
for t in TEMPLATES:
    rows.append([enc(t), pos_code, kw_code, outcome(lambda: t.format(*pos_py, **kw_py))])
write('str_format.txt', rows)

# ------------------------------------------------------------------------------------------------
# int(str, base), float(str), hex/oct/bin

rows = []
INT_STRINGS = ['0', '-0', '+5', '42', ' 42 ', '\t-17\n', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '0o17',
               '0b101', '0x_1f', '0_7', '0_0', '00', '007', '0x', '0b2', '0b1', 'z', 'Z', 'zz', '', ' ', '+', '-',
               '- 1', '+0x10', '-0b11', '9223372036854775807', '9223372036854775808', '-9223372036854775808',
               '-9223372036854775809', '123456789012345678901234567890', '\u0665', '\u0661\u0662\u0663',
               '\U0001d7cf\U0001d7d0', '\u20035', '5\u3000', '\x1c5', '5\x1c', '1.5', '1e5', 'abc', 'x' * 300,
               '0x\u0661', '\u0e50', '1' * 4300, '1' * 4301, '1_' * 2200 + '1', 'f' * 5000, '1' * 4301 + 'x',
               '-' + '1' * 4301, '\u00e9', '12\u00e9']
for s in INT_STRINGS:
    for base in [10, 0, 16, 8, 2, 36, 7, 1, 37]:
        def conv(s=s, base=base):
            v = int(s, base)
            if v.bit_length() > 13000:  # str() would exceed the digit limit; the Java side agrees
                return 'big:' + str(v.bit_length()) + ':' + hex(v)[-20:]
            return str(v)
        rows.append(['int', enc(s), str(base), outcome(conv)])
for _ in range(1500):
    base = R.choice([0, 2, 8, 10, 16, 36, 3, 10])
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'[:max(base, 10) if base else 10]
    s = ''.join(R.choice(digits + '_ ') for _ in range(R.randrange(1, 30)))
    if R.random() < 0.3:
        s = R.choice(['-', '+', ' ', '0x', '0o', '0b', '-0x']) + s
    rows.append(['int', enc(s), str(base), outcome(lambda: str(int(s, base)))])
FLOAT_STRINGS = ['0', '-0', '1.5', ' 1e5 ', '1_000.5', '1_.5', '1._5', '-Infinity', 'iNF', 'inf', '-inf', 'nan',
                 '-nan', '+nan', 'NaN', 'nan(1)', '.', '.5', '5.', 'e5', '1e', '1e+', '0x10', 'x' * 300, '1e500',
                 '-1e500', '1e-400', '1_e5', '1e_5', '1e5_0', '\u0661.\u0665', '1d', '1f', '\u00a01.5\u2003',
                 'infinity ', '+inf', '++1', '', ' ', '1.5\x00', '\x1c5', '1E5', '1e+05', '4.9e-324', '2e-324',
                 '1.7976931348623157e308', '1.7976931348623159e308', '0.1', '123456789012345678901234567890',
                 '2.2250738585072011e-308', '9007199254740993', 'infinit', 'in', '  -0.0  ', '1__0', '_1', '1_']
for s in FLOAT_STRINGS:
    rows.append(['float', enc(s), '', outcome(lambda: fbits(float(s)))])
for _ in range(800):
    s = ''.join(R.choice('0123456789._e+-') for _ in range(R.randrange(1, 12)))
    rows.append(['float', enc(s), '', outcome(lambda: fbits(float(s)))])
for v in [0, 1, -1, 255, -255, 2 ** 63 - 1, -2 ** 63, 2 ** 64, -2 ** 100, 12345678901234567890]:
    for fn in ['hex', 'oct', 'bin']:
        rows.append([fn, str(v), '', getattr(__builtins__, fn)(v)])
write('int_parse.txt', rows)

# ------------------------------------------------------------------------------------------------
# str methods

ALPHABET = ['a', 'b', 'A', 'B', ' ', ' ', '\t', '\n', '\r', '\x0b', '\x1c', ',', '.', "'", '"', '\\', '_', '1', '0',
            '-', '+', '\u00e9', '\u00c9', '\u00df', '\u03a3', '\u03c3', '\u0130', '\u0131', '\ufb01', '\u01c5',
            '\u1f80', '\u0345', '\u00a0', '\u2028', '\x85', '\u3000', '\u0661', '\u00b2', '\u2155', '\u4e09',
            '\U0001F600', '\U0001d7cf', '\U00010400', '\U00010428', '\x00', '\x7f', '\u200b', '\ud800', '\u0378',
            '\u02b0', '\u0300', '\u13a0', '\uab70', 'ς', 'x', 'y']


def rstr(maxlen=12):
    return ''.join(R.choice(ALPHABET) for _ in range(R.randrange(0, maxlen)))


rows = []
INDICES = [None, 0, 1, 2, -1, -2, 3, 5, 100, -100]


def opt(v):
    return 'None' if v is None else str(v)


for _ in range(6000):
    s = rstr()
    sub = R.choice(['', 'a', 'ab', ' ', 'A', '\U0001F600', '\u03a3', s[1:3], s[-2:], 'zz'])
    m = R.choice(['split', 'rsplit', 'splitlines', 'strip', 'lstrip', 'rstrip', 'replace', 'find', 'rfind', 'index',
                  'rindex', 'count', 'startswith', 'endswith', 'upper', 'lower', 'title', 'capitalize', 'swapcase',
                  'casefold', 'isdigit', 'isalpha', 'isspace', 'isalnum', 'isupper', 'islower', 'isdecimal',
                  'isnumeric', 'istitle', 'isidentifier', 'isprintable', 'isascii', 'center', 'ljust', 'rjust',
                  'zfill', 'partition', 'rpartition', 'expandtabs', 'repr', 'ascii', 'len'])
    if m in ('split', 'rsplit'):
        sep = R.choice([None, None, ' ', ',', 'a', 'ab', '', '\U0001F600'])
        maxsplit = R.choice([-1, -1, 0, 1, 2])
        args = [opt(sep) if sep is None else 's:' + enc(sep), str(maxsplit)]
        res = outcome(lambda: '|'.join(enc(x) for x in getattr(s, m)(sep, maxsplit)), True)
    elif m == 'splitlines':
        keep = R.choice([False, True])
        args = [str(keep)]
        res = outcome(lambda: '|'.join(enc(x) for x in s.splitlines(keep)), True)
    elif m in ('strip', 'lstrip', 'rstrip'):
        chars = R.choice([None, None, 'a', 'ab ', '\U0001F600a', '', ' \t'])
        args = [opt(chars) if chars is None else 's:' + enc(chars)]
        res = outcome(lambda: getattr(s, m)(chars))
    elif m == 'replace':
        new = R.choice(['', '-', 'XY', '\U0001F600'])
        count = R.choice([-1, -1, 0, 1, 2])
        args = ['s:' + enc(sub), 's:' + enc(new), str(count)]
        res = outcome(lambda: s.replace(sub, new, count))
    elif m in ('find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith'):
        start, end = R.choice(INDICES), R.choice(INDICES)
        args = ['s:' + enc(sub), opt(start), opt(end)]
        res = outcome(lambda: str(getattr(s, m)(sub, start, end)))
    elif m in ('center', 'ljust', 'rjust'):
        width = R.randrange(-1, 20)
        fill = R.choice([' ', '*', '\U0001F600'])
        args = [str(width), 's:' + enc(fill)]
        res = outcome(lambda: getattr(s, m)(width, fill))
    elif m == 'zfill':
        width = R.randrange(-1, 20)
        args = [str(width)]
        s = R.choice(['', '-', '+', '-42', '+7', '42']) + s
        res = outcome(lambda: s.zfill(width))
    elif m in ('partition', 'rpartition'):
        args = ['s:' + enc(sub)]
        res = outcome(lambda: '|'.join(enc(x) for x in getattr(s, m)(sub)), True)
    elif m == 'expandtabs':
        tab = R.choice([8, 4, 1, 0, -1, 3])
        args = [str(tab)]
        res = outcome(lambda: s.expandtabs(tab))
    elif m in ('repr', 'ascii', 'len'):
        args = []
        res = outcome(lambda: str(getattr(__builtins__, m)(s)))
    else:
        args = []
        res = outcome(lambda: str(getattr(s, m)()))
    rows.append([m, enc(s)] + args + ['=>', res])
# Hand-picked cases.
for s, m, args in [('a,b,,c', 'split', [',', -1]), ('  a b  c  ', 'split', [None, 1]), ('  a b  c  ', 'rsplit', [None, 1]),
                   ('', 'split', [None, -1]), ('', 'split', [',', -1]), ('a\r\nb\rc\n\nd\x0be\x1cf\u2028g', 'splitlines', [True]),
                   ('abc', 'find', ['', 3, None]), ('abc', 'find', ['', 4, None]), ('abc', 'rfind', ['', 1, 2]),
                   ('abc', 'count', ['', None, None]), ('abc', 'startswith', ['', 3, None]), ('abc', 'startswith', ['', 4, None]),
                   ('\U0001F600a\U0001F600b', 'find', ['b', 2, None]), ('\U0001F600a\U0001F600b', 'rfind', ['\U0001F600', 0, 3]),
                   ('ΑΣ', 'lower', []), ('ΑΣ Σ', 'lower', []), ('Σ', 'lower', []), ('AΣ.', 'lower', []), ("A'Σ'B", 'lower', []),
                   ('aΣʰ', 'lower', []), ('ʰΣ', 'lower', []), ('hello world', 'title', []), ("they're bill's", 'title', []),
                   ('ǆemal', 'title', []), ('ßtraße', 'capitalize', []), ('ﬁsh', 'upper', []), ('İx', 'lower', []),
                   ('abc', 'center', [6, '*']), ('abc', 'center', [7, '*']), ('ab', 'center', [5, '*']), ('ab', 'center', [6, '*'])]:
    encoded = []
    for a in args:
        encoded.append('None' if a is None else ('s:' + enc(a)) if isinstance(a, str) else str(a))
    fn = getattr(s, m)
    if m in ('split', 'rsplit', 'splitlines'):
        res = outcome(lambda: '|'.join(enc(x) for x in fn(*args)), True)
    elif m in ('center',):
        res = outcome(lambda: fn(*args))
    else:
        res = outcome(lambda: str(fn(*args)))
    rows.append([m, enc(s)] + encoded + ['=>', res])
write('str_ops.txt', rows)

# ------------------------------------------------------------------------------------------------
# Per-code-point Unicode behaviour: property sets as hex ranges, and case mappings that change the
# character. sigma_final_after_A / sigma_final_after record whether 'A'+c+'Σ' / c+'Σ' lowercases
# to a final sigma, which pins down Cased and Case_Ignorable.

import unicodedata  # noqa: E402


def hex_ranges(pred):
    out = []
    start = None
    for cp in range(0x110001):
        inside = cp < 0x110000 and pred(chr(cp))
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            out.append('%x-%x' % (start, cp - 1))
            start = None
    return ','.join(out)


PROPS = {
    'isspace': str.isspace, 'isalpha': str.isalpha, 'isdecimal': str.isdecimal, 'isdigit': str.isdigit,
    'isnumeric': str.isnumeric, 'isalnum': str.isalnum, 'isupper': str.isupper, 'islower': str.islower,
    'istitle': str.istitle, 'isprintable': str.isprintable, 'isidentifier': str.isidentifier,
    'isidcontinue': lambda c: ('a' + c).isidentifier(),
    'sigma_final_after_A': lambda c: ('A' + c + '\u03a3').lower()[-1] == '\u03c2',
    'sigma_final_after': lambda c: (c + '\u03a3').lower()[-1] == '\u03c2',
    'assigned': lambda c: unicodedata.category(c) != 'Cn',
}
rows = [[name, hex_ranges(pred)] for name, pred in PROPS.items()]
for name in ['upper', 'lower', 'title', 'casefold', 'swapcase', 'capitalize']:
    for cp in range(0x110000):
        c = chr(cp)
        m = getattr(c, name)()
        if m != c:
            rows.append([name, '%x' % cp, enc(m)])
write('unicode_chars.txt', rows)
