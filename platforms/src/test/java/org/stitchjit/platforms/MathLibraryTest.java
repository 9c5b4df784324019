package org.stitchjit.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MathLibraryTest {
  @Test
  void callsTheCMathLibrarysFunctionsWithDoubles() {
    long sin = MathLibrary.address("sin");
    assertThat(sin).isNotZero();
    assertThat(MathLibrary.address("SIN")).as("names in any case").isEqualTo(sin);
    assertThat(MathLibrary.call(sin, 0.0)).isEqualTo(0.0);
    assertThat(MathLibrary.call(sin, -0.0)).isEqualTo(-0.0).hasToString("-0.0");
    assertThat(MathLibrary.call(MathLibrary.address("cos"), 0.0)).isEqualTo(1.0);
    // Correctly rounded results agree with StrictMath wherever both are exact.
    assertThat(MathLibrary.call(MathLibrary.address("sqrt"), 2.0)).isEqualTo(StrictMath.sqrt(2.0));
    assertThat(MathLibrary.call(MathLibrary.address("pow"), 2.0, 10.0)).isEqualTo(1024.0);
    assertThat(MathLibrary.call(MathLibrary.address("atan2"), 0.0, -1.0)).isEqualTo(Math.PI);
    assertThat(Double.isNaN(MathLibrary.call(sin, Double.POSITIVE_INFINITY))).isTrue();
  }

  @Test
  void anUnknownFunctionIsAClearError() {
    assertThatThrownBy(() -> MathLibrary.address("no_such_function"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no function no_such_function");
  }
}
