# Uncaught RecursionError terminates the program.
def countdown(n):
    if n % 250 == 0:
        print("depth", n)
    return countdown(n + 1) + 1
print("starting")
countdown(1)
