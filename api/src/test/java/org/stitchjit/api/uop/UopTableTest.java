package org.stitchjit.api.uop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UopTableTest {

  @Test
  void namesAreCpythonStyleAndLookUpBothWays() {
    Set<String> names = new HashSet<>();
    for (Uop u : Uop.values()) {
      assertThat(u.uopName()).startsWith("_").isEqualTo("_" + u.name());
      assertThat(names.add(u.uopName())).isTrue();
      assertThat(Uop.named(u.uopName())).isSameAs(u);
      assertThat(Uop.lookup(u.uopName())).contains(u);
    }
    assertThat(Uop.lookup("_NO_SUCH_UOP")).isEmpty();
    assertThatThrownBy(() -> Uop.named("LOAD_FAST"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown uop: LOAD_FAST");
  }

  @Test
  void guardsHaveExitsAndKeepOrPopTheirInputs() {
    for (Uop u : Uop.values()) {
      if (u.is(UopFlag.GUARD)) {
        assertThat(u.has(OperandKind.EXIT)).as(u.uopName()).isTrue();
        assertThat(u.is(UopFlag.EXIT)).as(u.uopName()).isTrue();
        assertThat(u.is(UopFlag.ESCAPES)).as(u.uopName()).isFalse();
        if (u.uopName().endsWith("_POP")) {
          assertThat(u.stackEffect(0)).as(u.uopName()).isEqualTo(-1);
        } else {
          // A non-popping guard leaves its inputs exactly where they were.
          for (int oparg : new int[] {0, 1, 3}) {
            assertThat(u.inputs(oparg)).as(u.uopName()).isEqualTo(u.outputs(oparg));
          }
        }
      } else {
        assertThat(u.proves()).as(u.uopName()).isEmpty();
      }
    }
  }

  @Test
  void proofsNameInputSlotsAndTheirOperand() {
    for (Uop u : Uop.values()) {
      for (GuardFact f : u.proves()) {
        if (f.slot() != GuardFact.NOT_ON_STACK && u.hasFixedStackEffect()) {
          assertThat(f.slot()).as(u.uopName()).isLessThanOrEqualTo(u.inputs(0));
        }
        if (f.fact().usesOperand()) {
          assertThat(u.has(OperandKind.OPERAND)).as(u.uopName()).isTrue();
        }
      }
    }
    assertThat(Uop.GUARD_BOTH_INT.proves()).containsExactly(
        new GuardFact(1, TypeFact.INT), new GuardFact(2, TypeFact.INT));
    assertThat(Uop.GUARD_NOS_LIST.proves()).containsExactly(new GuardFact(2, TypeFact.LIST));
    assertThat(Uop.GUARD_SHAPE.proves()).containsExactly(new GuardFact(1, TypeFact.SHAPE));
    assertThat(Uop.GUARD_GLOBALS_VERSION.proves()).containsExactly(
        new GuardFact(GuardFact.NOT_ON_STACK, TypeFact.KEYS_VERSION));
    assertThat(Uop.GUARD_IS_NONE_POP.proves()).containsExactly(new GuardFact(1, TypeFact.NONE));
  }

  @Test
  void flagsAreConsistent() {
    for (Uop u : Uop.values()) {
      assertThat(u.is(UopFlag.PURE) && u.is(UopFlag.ESCAPES)).as(u.uopName()).isFalse();
      // The target field holds an exit index or a block id, never both.
      assertThat(u.has(OperandKind.EXIT) && u.has(OperandKind.BLOCK)).as(u.uopName()).isFalse();
      assertThat(u.is(UopFlag.EXIT)).as(u.uopName()).isEqualTo(u.has(OperandKind.EXIT));
      assertThat(u.hasTarget())
          .isEqualTo(u.has(OperandKind.EXIT) || u.has(OperandKind.BLOCK));
    }
    assertThat(Uop.JUMP_TO_TOP.flags()).contains(UopFlag.TERMINATOR, UopFlag.SYNTHETIC);
    assertThat(Uop.EXIT_TRACE.flags()).contains(UopFlag.TERMINATOR, UopFlag.EXIT);
    assertThat(Uop.CALL_GENERIC.is(UopFlag.ESCAPES)).isTrue();
    assertThat(Uop.BINARY_OP_ADD_FLOAT.flags()).contains(UopFlag.PURE, UopFlag.ALLOCATES);
    assertThat(Uop.BINARY_OP_ADD_INT.flags()).contains(UopFlag.PURE, UopFlag.EXIT);
  }

  @Test
  void stackCountsFollowTheOparg() {
    assertThat(Uop.LOAD_FAST.inputs(7)).isZero();
    assertThat(Uop.LOAD_FAST.outputs(7)).isEqualTo(1);
    assertThat(Uop.LOAD_FAST.hasFixedStackEffect()).isTrue();
    assertThat(Uop.COPY.inputs(3)).isEqualTo(3);
    assertThat(Uop.COPY.outputs(3)).isEqualTo(4);
    assertThat(Uop.COPY.hasFixedStackEffect()).isFalse();
    assertThat(Uop.CALL_GENERIC.stackEffect(2)).isEqualTo(-3);
    assertThat(Uop.BUILD_MAP.inputs(3)).isEqualTo(6);
    assertThat(Uop.UNPACK_EX.outputs(0x0102)).isEqualTo(4);
    assertThat(Uop.FORMAT_VALUE.inputs(4)).isEqualTo(2);
    assertThat(Uop.MAKE_FUNCTION.inputs(0x09)).isEqualTo(3);
  }

  @Test
  void producedTypesFeedTypePropagation() {
    assertThat(Uop.BINARY_OP_ADD_INT.produces()).contains(TypeFact.INT);
    assertThat(Uop.COMPARE_OP_FLOAT.produces()).contains(TypeFact.BOOL);
    assertThat(Uop.ITER_NEXT_RANGE.produces()).contains(TypeFact.INT);
    assertThat(Uop.BINARY_OP.produces()).isEmpty();
  }

  @Test
  void typeFactsPrintInLowerCase() {
    assertThat(TypeFact.TYPE_VERSION.displayName()).isEqualTo("type-version");
    assertThat(new GuardFact(2, TypeFact.INT).toString()).isEqualTo("stack[-2]: int");
    assertThat(new GuardFact(0, TypeFact.KEYS_VERSION).toString())
        .isEqualTo("frame: keys-version");
    assertThatThrownBy(() -> new GuardFact(-1, TypeFact.INT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
