# A small projectile simulation with fixed time steps.
x, y = 0.0, 0.0
vx, vy = 12.5, 20.0
g = -9.81
dt = 0.05
t = 0.0
steps = 0
max_y = 0.0
while y >= 0.0:
    x += vx * dt
    vy += g * dt
    y += vy * dt
    t += dt
    steps += 1
    max_y = max(max_y, y)
    if steps % 10 == 0:
        print(f"t={t:.2f} x={x:.3f} y={y:.3f} vy={vy:.3f}")
print(steps, round(t, 2), round(x, 4), round(max_y, 4))
drag = 0.99
v = 100.0
for i in range(5):
    v *= drag
    print(i, v)
