# A missing colon after an if condition.
print("this never runs")
x = 5
if x > 1
    print("big")
