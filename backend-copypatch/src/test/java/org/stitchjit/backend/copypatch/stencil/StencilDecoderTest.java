package org.stitchjit.backend.copypatch.stencil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stitchjit.backend.copypatch.stencil.X86_64Decoder.Instruction;

/** Instruction lengths and fields, for encodings checked with llvm-mc -show-encoding. */
class StencilDecoderTest {

  private static Instruction one(int... bytes) {
    byte[] code = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      code[i] = (byte) bytes[i];
    }
    Instruction insn = X86_64Decoder.decodeOne(code, 0);
    assertThat(insn.length()).as("length").isEqualTo(bytes.length);
    return insn;
  }

  @Test
  void lengths() {
    one(0xC3); // ret
    one(0x48, 0xB8, 1, 2, 3, 4, 5, 6, 7, 8); // movabs $imm64, %rax
    one(0x49, 0x8B, 0x44, 0xC4, 0x50); // mov 0x50(%r12,%rax,8), %rax
    one(0x8B, 0x45, 0x00); // mov 0(%rbp), %eax
    one(0x8B, 0x44, 0x24, 0x08); // mov 8(%rsp), %eax
    one(0x48, 0x8B, 0x04, 0x25, 0, 0, 0, 0); // mov 0, %rax (SIB, no base: disp32)
    one(0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00); // nopw 0(%rax,%rax)
    one(0x0F, 0x1F, 0x80, 0, 0, 0, 0); // nopl 0(%rax)
    one(0xF6, 0xC1, 0x01); // test $1, %cl
    one(0xF7, 0xC0, 1, 0, 0, 0); // test $1, %eax
    one(0xF7, 0xD8); // neg %eax
    one(0x66, 0xC7, 0x00, 0x34, 0x12); // movw $0x1234, (%rax)
    one(0x48, 0xC7, 0xC0, 1, 0, 0, 0); // mov $1, %rax
    one(0xC2, 0x08, 0x00); // ret $8
    one(0x41, 0xFF, 0xE4); // jmp *%r12
    one(0x66, 0x0F, 0x3A, 0x0F, 0xC1, 0x08); // palignr $8, %xmm1, %xmm0
    one(0x66, 0x0F, 0x38, 0x00, 0xC1); // pshufb %xmm1, %xmm0
    one(0xF2, 0x0F, 0x58, 0xC1); // addsd %xmm1, %xmm0
    one(0xF2, 0x0F, 0x10, 0x05, 0, 0, 0, 0); // movsd 0(%rip), %xmm0
    one(0xA1, 1, 2, 3, 4, 5, 6, 7, 8); // movabs 0x..., %eax
    one(0x67, 0xA1, 1, 2, 3, 4); // mov 0x..(%eip-sized), %eax
    one(0x0F, 0xAF, 0xC1); // imul %ecx, %eax
    one(0x6B, 0xC0, 0x0A); // imul $10, %eax, %eax
    one(0x69, 0xC0, 0, 1, 0, 0); // imul $256, %eax, %eax
    one(0x48, 0xC1, 0xF8, 0x01); // sar $1, %rax
    one(0x48, 0xD1, 0xF8); // sar %rax
    one(0x0F, 0x94, 0xC0); // sete %al
    one(0x48, 0x0F, 0x4C, 0xC1); // cmovl %rcx, %rax
    one(0xF3, 0x48, 0x0F, 0xB8, 0xC1); // popcnt %rcx, %rax
    one(0x48, 0x0F, 0xBA, 0xE0, 0x3F); // bt $63, %rax
    one(0xC8, 0x10, 0x00, 0x00); // enter $16, $0
    one(0x0F, 0x0B); // ud2
    one(0xCC); // int3
  }

  @Test
  void fields() {
    Instruction jmp = one(0xFF, 0x25, 0, 0, 0, 0);
    assertThat(jmp.isIndirectJump()).isTrue();
    assertThat(jmp.ripRelative()).isTrue();
    assertThat(jmp.dispOffset()).isEqualTo(2);
    Instruction call = one(0xFF, 0x15, 0, 0, 0, 0);
    assertThat(call.isIndirectCall()).isTrue();
    Instruction jcc = one(0x0F, 0x85, 0x10, 0, 0, 0);
    assertThat(jcc.isJumpRel32()).isTrue();
    assertThat(jcc.immOffset()).isEqualTo(2);
    assertThat(jcc.branchTarget(new byte[] {0x0F, (byte) 0x85, 0x10, 0, 0, 0})).isEqualTo(0x16);
    Instruction short_ = one(0xEB, 0xFE);
    assertThat(short_.isJumpRel8()).isTrue();
    assertThat(short_.branchTarget(new byte[] {(byte) 0xEB, (byte) 0xFE})).isZero();
    Instruction movabs = one(0x48, 0xB9, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(movabs.immOffset()).isEqualTo(2);
    assertThat(movabs.immSize()).isEqualTo(8);
    assertThat(movabs.prefixes()).isEqualTo(1);
    assertThat(one(0xF3, 0xC3).isReturn()).isTrue();
  }

  @Test
  void rejectsWhatItDoesNotKnow() {
    assertThatThrownBy(() -> X86_64Decoder.decode(new byte[] {(byte) 0xC4, (byte) 0xE2, 0x79}))
        .hasMessageContaining("VEX");
    assertThatThrownBy(() -> X86_64Decoder.decode(new byte[] {0x06}))
        .hasMessageContaining("invalid");
    assertThatThrownBy(() -> X86_64Decoder.decode(new byte[] {0x48, (byte) 0xB8, 1, 2}))
        .hasMessageContaining("past the end");
    assertThatThrownBy(() -> X86_64Decoder.decode(new byte[] {0x48, 0x66, (byte) 0x90}))
        .hasMessageContaining("REX");
  }
}
