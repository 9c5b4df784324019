# Processing command line arguments.
import sys
args = sys.argv[1:]
print("argument count", len(args))
opts = {}
positional = []
for a in args:
    if a.startswith("--"):
        key, _, value = a[2:].partition("=")
        opts[key] = value if value else True
    else:
        positional.append(a)
print("options", opts)
print("positional", positional)
numbers = [int(p) for p in positional if p.lstrip("-").isdigit()]
print("sum of numbers", sum(numbers))
verbose = opts.get("verbose", False)
if verbose:
    for i, a in enumerate(args):
        print(i, repr(a))
