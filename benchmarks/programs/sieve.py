# Sieve: the sieve of Eratosthenes over a list of boolean flags.
#
# Written for Stitch from the published description of the "Sieve"
# micro-benchmark of the Are-We-Fast-Yet suite (5000 flags, 669 primes),
# scaled up: each iteration sieves several ranges and checks the prime
# counts against the known values of the prime-counting function.
import sys
import time

DEFAULT_ITERATIONS = 10

# (limit, number of primes <= limit)
CASES = [(5000, 669), (100000, 9592), (250000, 22044), (500000, 41538)]


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


def sieve(flags, size):
    """flags[k] tells whether k + 1 may still be prime; returns the count of
    primes in 2..size."""
    prime_count = 0
    for i in range(2, size + 1):
        if flags[i - 1]:
            prime_count += 1
            k = i + i
            while k <= size:
                flags[k - 1] = False
                k += i
    return prime_count


def benchmark():
    for case in CASES:
        size = case[0]
        flags = [True] * size
        count = sieve(flags, size)
        if count != case[1]:
            fail("sieve(%d) found %d primes, expected %d" % (size, count, case[1]))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"sieve iteration {i}: {elapsed:.3f} ms")
    print("sieve: OK")


main()
