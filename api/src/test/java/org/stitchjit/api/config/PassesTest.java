package org.stitchjit.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PassesTest {

  @Test
  void allNoneAndLists() {
    assertThat(Passes.parse("all").isAll()).isTrue();
    assertThat(Passes.parse("all").includes("anything")).isTrue();
    assertThat(Passes.parse("none").isNone()).isTrue();
    assertThat(Passes.parse("none").includes("constfold")).isFalse();
    assertThat(Passes.parse("")).isEqualTo(Passes.none());
    assertThat(Passes.of()).isEqualTo(Passes.none());
    Passes p = Passes.parse(" guards , constfold ");
    assertThat(p.names()).containsExactly("guards", "constfold");
    assertThat(p.includes("constfold")).isTrue();
    assertThat(p.includes("peel")).isFalse();
    assertThat(p.isAll()).isFalse();
    assertThat(p.isNone()).isFalse();
    assertThat(p).isEqualTo(Passes.of("guards", "constfold")).hasSameHashCodeAs(
        Passes.of("guards", "constfold"));
    // Order is the order the passes run in, so it matters.
    assertThat(p).isNotEqualTo(Passes.of("constfold", "guards"));
  }

  @Test
  void printsTheOptionValue() {
    assertThat(Passes.all().toString()).isEqualTo("all");
    assertThat(Passes.none().toString()).isEqualTo("none");
    assertThat(Passes.of("a", "b-c", "d_2").toString()).isEqualTo("a,b-c,d_2");
    assertThat(Passes.parse(Passes.of("a", "b").toString())).isEqualTo(Passes.of("a", "b"));
  }

  @Test
  void rejectsBadNames() {
    assertThatThrownBy(() -> Passes.of("Guards"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jit option passes: 'Guards' is not a pass name");
    assertThatThrownBy(() -> Passes.of("none", "a"))
        .hasMessageContaining("'none' cannot be part of a list");
  }
}
