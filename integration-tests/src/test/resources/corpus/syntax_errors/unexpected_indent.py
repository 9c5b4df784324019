# A line indented for no reason.
print("start")
total = 0
    total += 1
print(total)
