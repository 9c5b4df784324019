# Chained generator pipelines.
lines = [
    "# config file",
    "name = stitch",
    "",
    "version = 3",
    "  # indented comment",
    "mode = fast  ",
    "bad line",
    "threads = 8",
]
def non_blank(src):
    for line in src:
        if line.strip():
            yield line
def no_comments(src):
    for line in src:
        if not line.strip().startswith("#"):
            yield line
def parse(src):
    for line in src:
        if "=" in line:
            k, v = line.split("=", 1)
            yield k.strip(), v.strip()
        else:
            print("  skipping", repr(line))
def convert(src):
    for k, v in src:
        yield k, int(v) if v.isdigit() else v
config = dict(convert(parse(no_comments(non_blank(lines)))))
print(config)
nums = (int(x) for x in "3 1 4 1 5 9 2 6 5 3 5".split())
doubled = (n * 2 for n in nums)
big = (n for n in doubled if n > 5)
print(list(big), list(big))
def running_max(src):
    best = None
    for x in src:
        if best is None or x > best:
            best = x
        yield best
print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
