package org.stitchjit.api.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.Opcode;

/** Layout constants that restate a fact defined elsewhere, checked against it. */
class LayoutTest {
  @Test
  void aCallsUnitsAreTheCallInstructionsSize() {
    // Compiled code returning from a frame moves the caller's IP past its CALL by CALL_UNITS.
    for (Opcode op : Opcode.values()) {
      if (op == Opcode.CALL || op.family() == Opcode.CALL) {
        assertThat(op.size()).as(op.name()).isEqualTo(Layout.Frame.CALL_UNITS);
      }
    }
  }
}
