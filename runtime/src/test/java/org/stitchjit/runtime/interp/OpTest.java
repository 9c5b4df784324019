package org.stitchjit.runtime.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.Opcode;

class OpTest {
  @Test
  void opConstantsMatchTheOpcodeTable() throws Exception {
    long constants = Arrays.stream(Op.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers())).count();
    assertThat(constants).isEqualTo(Opcode.values().length);
    for (Opcode op : Opcode.values()) {
      Field f = Op.class.getDeclaredField(op.name());
      assertThat(f.getInt(null)).as(op.name()).isEqualTo(op.code());
    }
  }
}
