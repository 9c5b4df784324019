# Dedent to a column that matches no outer block.
def g():
    if True:
        x = 1
      y = 2
    return x
print(g())
