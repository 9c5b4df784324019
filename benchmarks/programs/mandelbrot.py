# Mandelbrot: render the Mandelbrot set into a packed bitmap.
#
# Written for Stitch from the published descriptions of the "mandelbrot"
# program of the Computer Language Benchmarks Game and of the Are-We-Fast-Yet
# "Mandelbrot" benchmark: a size x size grid over [-1.5, 0.5] x [-1, 1] is
# iterated with z = z*z + c for at most 50 steps (escape radius 2); each row
# is packed 8 pixels per byte and the bytes are folded into a checksum with
# exclusive or.  (Unlike Are-We-Fast-Yet, this version updates z with the old
# real part, i.e. the mathematically standard iteration, so its checksum is
# not the suite's 191.)
import sys
import time

DEFAULT_ITERATIONS = 10
SIZE = 200
MAX_ITERATIONS = 50
# For SIZE=200: XOR of all bitmap bytes, number of pixels inside the set and
# a position-sensitive 24-bit digest of the bytes (computed with this
# program; CPython and PyPy agree).
EXPECTED_CHECKSUM = 2
EXPECTED_INSIDE = 15899
EXPECTED_DIGEST = 1429668


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


def mandelbrot(size):
    checksum = 0
    inside = 0
    digest = 0
    byte_acc = 0
    bit_num = 0
    for y in range(size):
        ci = (2.0 * y / size) - 1.0
        for x in range(size):
            cr = (2.0 * x / size) - 1.5
            zr = 0.0
            zi = 0.0
            zrzr = 0.0
            zizi = 0.0
            in_set = 1
            i = 0
            while i < MAX_ITERATIONS:
                zi = 2.0 * zr * zi + ci
                zr = zrzr - zizi + cr
                zrzr = zr * zr
                zizi = zi * zi
                i += 1
                if zrzr + zizi > 4.0:
                    in_set = 0
                    break
            inside += in_set
            byte_acc = (byte_acc << 1) | in_set
            bit_num += 1
            if bit_num == 8 or x == size - 1:
                byte_acc = byte_acc << (8 - bit_num)
                checksum ^= byte_acc
                digest = (digest * 31 + byte_acc) & 0xFFFFFF
                byte_acc = 0
                bit_num = 0
    return checksum, inside, digest


def benchmark():
    result = mandelbrot(SIZE)
    if (result[0] != EXPECTED_CHECKSUM or result[1] != EXPECTED_INSIDE
            or result[2] != EXPECTED_DIGEST):
        fail("checksum %d, %d points inside, digest %d (expected %d, %d, %d)"
             % (result[0], result[1], result[2], EXPECTED_CHECKSUM,
                EXPECTED_INSIDE, EXPECTED_DIGEST))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"mandelbrot iteration {i}: {elapsed:.3f} ms")
    print("mandelbrot: OK")


main()
