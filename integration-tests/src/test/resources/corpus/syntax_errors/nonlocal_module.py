# nonlocal at module level.
nonlocal count
count = 0
count += 1
print(count)
