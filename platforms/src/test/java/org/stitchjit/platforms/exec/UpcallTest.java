package org.stitchjit.platforms.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpcallTest {
  private CodeCache cache;

  @BeforeEach
  void open() {
    NativeTests.assumeNative();
    cache = CodeCache.create(1 << 16);
  }

  @AfterEach
  void close() {
    if (cache != null) {
      cache.close();
    }
  }

  private long place(X86 code) {
    CodeBlob blob = cache.allocate(code.size());
    blob.write(code.build());
    return blob.address();
  }

  @Test
  void machineCodeTailCallsIntoJava() {
    try (Upcall multiply = Upcall.of((long a, long b) -> a * b + 1)) {
      long code = place(X86.code().movabsRax(multiply.address()).jmpRax());

      assertThat(NativeCalls.call(code, 6, 7)).isEqualTo(43);
      assertThat(NativeCalls.call(code, -3, 5)).isEqualTo(-14);
    }
  }

  @Test
  void machineCodeCallsJavaAndUsesTheResult() {
    try (Upcall square = Upcall.of((long x) -> x * x)) {
      long code =
          place(
              X86.code()
                  .subRsp8()
                  .movabsRax(square.address())
                  .callRax()
                  .addRaxImm8(1)
                  .addRsp8()
                  .ret());

      assertThat(NativeCalls.call(code, 9)).isEqualTo(82);
    }
  }

  @Test
  void everyArityCanBeCalledDirectly() {
    try (Upcall zero = Upcall.of(() -> 5);
        Upcall one = Upcall.of((long a) -> a + 1);
        Upcall two = Upcall.of((long a, long b) -> a - b);
        Upcall three = Upcall.of((long a, long b, long c) -> a * b * c);
        Upcall four = Upcall.of((long a, long b, long c, long d) -> a + b + c + d)) {
      assertThat(NativeCalls.call(zero.address())).isEqualTo(5);
      assertThat(NativeCalls.call(one.address(), 1)).isEqualTo(2);
      assertThat(NativeCalls.call(two.address(), 10, 3)).isEqualTo(7);
      assertThat(NativeCalls.call(three.address(), 2, 3, 4)).isEqualTo(24);
      assertThat(NativeCalls.call(four.address(), 1, 2, 3, 1L << 50)).isEqualTo(6 + (1L << 50));
      assertThat(four.arity()).isEqualTo(4);
    }
  }

  @Test
  void anExceptionInJavaReachesTheCallerAfterTheCodeReturns() {
    AtomicLong seen = new AtomicLong(-1);
    try (Upcall failing =
            Upcall.of(
                (long x) -> {
                  throw new IllegalStateException("slow path failed on " + x);
                });
        Upcall record =
            Upcall.of(
                (long x) -> {
                  seen.set(x);
                  return x;
                })) {
      // failing(x), then record(its result): the second upcall shows the code ran on with 0.
      long code =
          place(
              X86.code()
                  .subRsp8()
                  .movabsRax(failing.address())
                  .callRax()
                  .movRdiRax()
                  .movabsRax(record.address())
                  .callRax()
                  .addRsp8()
                  .ret());

      assertThatThrownBy(() -> NativeCalls.call(code, 17))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("slow path failed on 17");
      assertThat(seen.get()).isZero();

      long echo = place(X86.code().movabsRax(record.address()).jmpRax());
      assertThat(NativeCalls.call(echo, 5)).isEqualTo(5);
    }
  }

  @Test
  void aClosedUpcallHasNoAddress() {
    Upcall upcall = Upcall.of(() -> 1);
    upcall.close();
    upcall.close();

    assertThatThrownBy(upcall::address).isInstanceOf(IllegalStateException.class);
  }
}
