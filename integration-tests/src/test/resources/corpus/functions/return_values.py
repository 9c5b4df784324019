# Different return styles.
def none_implicit():
    pass
def none_explicit():
    return
def multi():
    return 1, "two", [3]
def conditional(x):
    if x:
        return "yes"
def nested_return(n):
    for i in range(n):
        for j in range(n):
            if i * j == 6:
                return (i, j)
    return "none found"
print(none_implicit(), none_explicit(), multi(), conditional(1), conditional(0))
a, b, c = multi()
print(a, b, c)
print(nested_return(4), nested_return(2))
def gen_list(n):
    return [i for i in range(n)] if n > 0 else []
print(gen_list(4), gen_list(0))
