# global statements and LEGB scoping.
x = "global x"
count = 0
def read_global():
    return x
def shadow():
    x = "local x"
    return x
def modify():
    global count
    count += 1
    return count
def create_global():
    global created
    created = "made inside"
print(read_global(), shadow(), x)
print(modify(), modify(), count)
create_global()
print(created)
def outer():
    x = "enclosing x"
    def inner():
        return x
    return inner()
print(outer())
def unbound():
    print(x)
    x = 5
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
len_orig = len
def len(obj):
    return -1
print(len([1, 2, 3]))
del len
print(len([1, 2, 3]), len_orig("ab"))
