package org.stitchjit.platforms.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NativeCallsTest {
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
  void passesZeroToFourArgumentsInTheCConvention() {
    long none = place(X86.code().movEaxImm32(42).ret());
    long one = place(X86.code().movRaxRdi().addRaxImm8(1).ret());
    long two = place(X86.code().leaRaxRdiRsi().ret());
    long three = place(X86.code().leaRaxRdiRsi().addRaxRdx().ret());
    long four = place(X86.code().leaRaxRdiRsi().addRaxRdx().addRaxRcx().ret());

    assertThat(NativeCalls.call(none)).isEqualTo(42);
    assertThat(NativeCalls.call(one, 41)).isEqualTo(42);
    assertThat(NativeCalls.call(two, 1L << 40, 5)).isEqualTo((1L << 40) + 5);
    assertThat(NativeCalls.call(three, 1, 20, 300)).isEqualTo(321);
    assertThat(NativeCalls.call(four, 1, 20, 300, 4000)).isEqualTo(4321);
  }

  @Test
  void passesFullSixtyFourBitValues() {
    long identity = place(X86.code().movRaxRdi().ret());

    assertThat(NativeCalls.call(identity, 0x8877665544332211L)).isEqualTo(0x8877665544332211L);
    assertThat(NativeCalls.call(identity, -1L)).isEqualTo(-1L);
  }

  @Test
  void refusesToCallAddressZero() {
    assertThatThrownBy(() -> NativeCalls.call(0, 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
