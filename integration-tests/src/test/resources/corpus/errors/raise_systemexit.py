# raise SystemExit(4) and finally blocks.
try:
    print("in try")
    raise SystemExit(4)
finally:
    print("finally before exit")
