# Simple user-defined function decorators.
call_log = []
def logged(func):
    def wrapper(*args, **kwargs):
        call_log.append((func.__name__, args))
        result = func(*args, **kwargs)
        print(f"{func.__name__}{args} -> {result}")
        return result
    return wrapper
def times(n):
    def deco(func):
        def wrapper(x):
            for _ in range(n):
                x = func(x)
            return x
        return wrapper
    return deco
@logged
def add(a, b):
    return a + b
@times(3)
def double(x):
    return x * 2
@logged
@times(2)
def inc(x):
    return x + 1
print(add(2, 3), double(5), inc(10))
print(call_log)
def memo(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapper
@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(80))
