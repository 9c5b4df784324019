package org.stitchjit.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisassemblerTest {

  private static Disassembler x86() {
    Optional<Disassembler> d = Disassembler.find(Platform.Isa.X86_64);
    assumeTrue(d.isPresent(), "llvm-objdump is not installed");
    return d.get();
  }

  @Test
  void decodesAtTheGivenAddress() throws IOException {
    // push %rbp; mov %rsp,%rbp; mov 8(%rdi),%rax; ret
    byte[] code = {0x55, 0x48, (byte) 0x89, (byte) 0xe5, 0x48, (byte) 0x8b, 0x47, 0x08,
        (byte) 0xc3};
    List<Disassembler.Line> lines =
        x86().disassemble(0x7f00_0000_1000L, code, new int[] {0}, List.of("f"));

    assertThat(lines).extracting(Disassembler.Line::address)
        .containsExactly(0x7f00_0000_1000L, 0x7f00_0000_1001L, 0x7f00_0000_1004L,
            0x7f00_0000_1008L);
    assertThat(lines.get(0).text()).contains("55").contains("push");
    assertThat(lines.get(2).text()).contains("8(%rdi)");
    assertThat(lines.get(3).text()).contains("ret");
  }

  @Test
  void startsAfreshAtEveryStart() throws IOException {
    // mov $0xc3c3c3c3,%eax: decoded from offset 0 it is one instruction; a start at 1 makes
    // the bytes from there four rets.
    byte[] code = {(byte) 0xb8, (byte) 0xc3, (byte) 0xc3, (byte) 0xc3, (byte) 0xc3};
    List<Disassembler.Line> lines = x86().disassemble(0x1000, code, new int[] {0, 1}, List.of("a", "b"));

    assertThat(lines).extracting(Disassembler.Line::address)
        .containsExactly(0x1000L, 0x1001L, 0x1002L, 0x1003L, 0x1004L);
    assertThat(lines.get(1).text()).contains("ret");
  }

  @Test
  void noneTurnsItOff() {
    String before = System.getProperty(Disassembler.PROPERTY);
    System.setProperty(Disassembler.PROPERTY, "none");
    try {
      assertThat(Disassembler.find(Platform.Isa.X86_64)).isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty(Disassembler.PROPERTY);
      } else {
        System.setProperty(Disassembler.PROPERTY, before);
      }
    }
  }
}
