# Augmented assignment operators on ints.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
x &= 0xFF; print(x)
x |= 0x100; print(x)
x ^= 0x1FF; print(x)
y = 7
y /= 2; print(y)
counter = 0
for i in range(1, 101):
    counter += i * i
print(counter)
z = 1
for i in range(70):
    z += z
print(z)
