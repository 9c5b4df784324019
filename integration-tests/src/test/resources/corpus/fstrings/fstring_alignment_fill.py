# Fill characters and sign-aware padding.
for v in [3, -3, 3.5, -3.5]:
    print(f"[{v:=+8}] [{v:*<8}] [{v:#>8}] [{v:_^8}] [{v:08}]")
for s in ["", "a", "abcd", "abcdefghijk"]:
    print(f"[{s:.<6}] [{s:>6.3}] [{s!r:^10}]")
print(f"[{'x':\u2192^5}]")
