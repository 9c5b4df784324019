package org.stitchjit.platforms.exec;

import java.io.ByteArrayOutputStream;

/** Hand-assembled x86-64 for tests; every encoding was checked with llvm-mc -show-encoding. */
final class X86 {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static X86 code() {
    return new X86();
  }

  X86 bytes(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  X86 imm32(int value) {
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
    return this;
  }

  X86 imm64(long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  /** lea rax, [rdi+rsi] */
  X86 leaRaxRdiRsi() {
    return bytes(0x48, 0x8D, 0x04, 0x37);
  }

  /** mov rax, rdi */
  X86 movRaxRdi() {
    return bytes(0x48, 0x89, 0xF8);
  }

  /** mov rdi, rax */
  X86 movRdiRax() {
    return bytes(0x48, 0x89, 0xC7);
  }

  /** add rax, imm8 */
  X86 addRaxImm8(int imm) {
    return bytes(0x48, 0x83, 0xC0, imm);
  }

  /** add rax, rdx */
  X86 addRaxRdx() {
    return bytes(0x48, 0x01, 0xD0);
  }

  /** add rax, rcx */
  X86 addRaxRcx() {
    return bytes(0x48, 0x01, 0xC8);
  }

  /** mov eax, imm32 (zero-extends into rax) */
  X86 movEaxImm32(int imm) {
    return bytes(0xB8).imm32(imm);
  }

  /** movabs rax, imm64 */
  X86 movabsRax(long imm) {
    return bytes(0x48, 0xB8).imm64(imm);
  }

  /** jmp rax */
  X86 jmpRax() {
    return bytes(0xFF, 0xE0);
  }

  /** call rax */
  X86 callRax() {
    return bytes(0xFF, 0xD0);
  }

  /** sub rsp, 8: realigns the stack to 16 bytes before a call (entry leaves it at 8 mod 16) */
  X86 subRsp8() {
    return bytes(0x48, 0x83, 0xEC, 0x08);
  }

  /** add rsp, 8 */
  X86 addRsp8() {
    return bytes(0x48, 0x83, 0xC4, 0x08);
  }

  /** jmp rel32, relative to the end of the 5-byte instruction */
  X86 jmpRel32(int rel) {
    return bytes(0xE9).imm32(rel);
  }

  /** jmp qword ptr [rip + disp32], relative to the end of the 6-byte instruction */
  X86 jmpRipIndirect(int disp) {
    return bytes(0xFF, 0x25).imm32(disp);
  }

  X86 ret() {
    return bytes(0xC3);
  }

  int size() {
    return out.size();
  }

  byte[] build() {
    return out.toByteArray();
  }
}
