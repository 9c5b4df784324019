package org.stitchjit.backend.copypatch.stencil;

import java.util.ArrayList;
import java.util.List;

/**
 * An x86-64 instruction length decoder, enough to walk a stencil's code instruction by
 * instruction: it finds where each instruction's displacement and immediate lie (so a
 * relocation can be matched to the instruction it patches), which instructions are returns,
 * calls and jumps, and which operands are RIP-relative.
 *
 * <p>It covers the legacy encodings clang emits for integer and SSE code in 64-bit mode:
 * legacy prefixes, REX, the one-byte map and the {@code 0F}, {@code 0F 38} and {@code 0F 3A}
 * maps. VEX, EVEX and XOP encodings (AVX and later) and opcodes that are invalid in 64-bit
 * mode are rejected rather than guessed at: a wrong length would shift every later
 * instruction, and stencils compiled with the documented flags contain none of them.
 */
final class X86_64Decoder {

  /** How a byte of the one-byte map, or of the {@code 0F} map, continues. */
  private static final byte NONE = 0; // no ModRM, no immediate
  private static final byte M = 1; // ModRM
  private static final byte M_IB = 2; // ModRM + imm8
  private static final byte M_IZ = 3; // ModRM + imm16/32
  private static final byte IB = 4; // imm8 (or rel8)
  private static final byte IZ = 5; // imm16/32 (or rel32)
  private static final byte IW = 6; // imm16
  private static final byte IV = 7; // imm16/32/64 by operand size (mov r, imm)
  private static final byte MOFFS = 8; // 64-bit (or, with 67, 32-bit) absolute address
  private static final byte ENTER = 9; // imm16 + imm8
  private static final byte GROUP3_B = 10; // F6: ModRM, imm8 when reg is 0 or 1 (test)
  private static final byte GROUP3_Z = 11; // F7: ModRM, imm16/32 when reg is 0 or 1 (test)
  private static final byte REL32 = 12; // E8, E9, 0F 80..8F: always rel32 in 64-bit mode
  private static final byte PREFIX = 13;
  private static final byte REX = 14;
  private static final byte ESCAPE = 15; // 0F
  private static final byte VEX = 16; // C4, C5, 62 (EVEX), 8F with XOP map
  private static final byte INVALID = 17;
  private static final byte POP_RM = 18; // 8F: pop r/m when ModRM.reg = 0, else XOP

  private static final byte[] ONE_BYTE = new byte[256];
  private static final byte[] TWO_BYTE = new byte[256];

  static {
    byte[] t = ONE_BYTE;
    for (int base = 0x00; base <= 0x38; base += 8) {
      t[base] = M;
      t[base + 1] = M;
      t[base + 2] = M;
      t[base + 3] = M;
      t[base + 4] = IB;
      t[base + 5] = IZ;
      t[base + 6] = INVALID; // push/pop of segment registers, or prefixes set below
      t[base + 7] = INVALID;
    }
    t[0x0F] = ESCAPE;
    t[0x26] = PREFIX;
    t[0x2E] = PREFIX;
    t[0x36] = PREFIX;
    t[0x3E] = PREFIX;
    for (int b = 0x40; b <= 0x4F; b++) {
      t[b] = REX;
    }
    for (int b = 0x50; b <= 0x5F; b++) {
      t[b] = NONE;
    }
    t[0x60] = INVALID;
    t[0x61] = INVALID;
    t[0x62] = VEX; // EVEX
    t[0x63] = M;
    t[0x64] = PREFIX;
    t[0x65] = PREFIX;
    t[0x66] = PREFIX;
    t[0x67] = PREFIX;
    t[0x68] = IZ;
    t[0x69] = M_IZ;
    t[0x6A] = IB;
    t[0x6B] = M_IB;
    for (int b = 0x6C; b <= 0x6F; b++) {
      t[b] = NONE;
    }
    for (int b = 0x70; b <= 0x7F; b++) {
      t[b] = IB; // jcc rel8
    }
    t[0x80] = M_IB;
    t[0x81] = M_IZ;
    t[0x82] = INVALID;
    t[0x83] = M_IB;
    for (int b = 0x84; b <= 0x8E; b++) {
      t[b] = M;
    }
    t[0x8F] = POP_RM;
    for (int b = 0x90; b <= 0x9F; b++) {
      t[b] = NONE;
    }
    t[0x9A] = INVALID;
    for (int b = 0xA0; b <= 0xA3; b++) {
      t[b] = MOFFS;
    }
    for (int b = 0xA4; b <= 0xAF; b++) {
      t[b] = NONE;
    }
    t[0xA8] = IB;
    t[0xA9] = IZ;
    for (int b = 0xB0; b <= 0xB7; b++) {
      t[b] = IB;
    }
    for (int b = 0xB8; b <= 0xBF; b++) {
      t[b] = IV;
    }
    t[0xC0] = M_IB;
    t[0xC1] = M_IB;
    t[0xC2] = IW; // ret imm16
    t[0xC3] = NONE; // ret
    t[0xC4] = VEX;
    t[0xC5] = VEX;
    t[0xC6] = M_IB;
    t[0xC7] = M_IZ;
    t[0xC8] = ENTER;
    t[0xC9] = NONE;
    t[0xCA] = IW;
    t[0xCB] = NONE;
    t[0xCC] = NONE;
    t[0xCD] = IB;
    t[0xCE] = INVALID;
    t[0xCF] = NONE;
    for (int b = 0xD0; b <= 0xD3; b++) {
      t[b] = M;
    }
    t[0xD4] = INVALID;
    t[0xD5] = INVALID;
    t[0xD6] = INVALID;
    t[0xD7] = NONE;
    for (int b = 0xD8; b <= 0xDF; b++) {
      t[b] = M; // x87
    }
    for (int b = 0xE0; b <= 0xE7; b++) {
      t[b] = IB; // loop/jrcxz rel8, in/out imm8
    }
    t[0xE8] = REL32;
    t[0xE9] = REL32;
    t[0xEA] = INVALID;
    t[0xEB] = IB;
    for (int b = 0xEC; b <= 0xEF; b++) {
      t[b] = NONE;
    }
    t[0xF0] = PREFIX;
    t[0xF1] = NONE;
    t[0xF2] = PREFIX;
    t[0xF3] = PREFIX;
    t[0xF4] = NONE;
    t[0xF5] = NONE;
    t[0xF6] = GROUP3_B;
    t[0xF7] = GROUP3_Z;
    for (int b = 0xF8; b <= 0xFD; b++) {
      t[b] = NONE;
    }
    t[0xFE] = M;
    t[0xFF] = M;

    byte[] u = TWO_BYTE;
    java.util.Arrays.fill(u, M); // most of the 0F map, including all SSE, is ModRM only
    u[0x04] = INVALID;
    u[0x05] = NONE; // syscall
    u[0x06] = NONE;
    u[0x07] = NONE;
    u[0x08] = NONE;
    u[0x09] = NONE;
    u[0x0A] = INVALID;
    u[0x0B] = NONE; // ud2
    u[0x0C] = INVALID;
    u[0x0E] = NONE;
    u[0x0F] = INVALID; // 3DNow!
    for (int b = 0x24; b <= 0x27; b++) {
      u[b] = INVALID;
    }
    for (int b = 0x30; b <= 0x37; b++) {
      u[b] = NONE; // wrmsr, rdtsc, rdmsr, rdpmc, sysenter, sysexit, getsec
    }
    u[0x36] = INVALID;
    u[0x38] = ESCAPE;
    u[0x39] = INVALID;
    u[0x3A] = ESCAPE;
    for (int b = 0x3B; b <= 0x3F; b++) {
      u[b] = INVALID;
    }
    for (int b = 0x70; b <= 0x73; b++) {
      u[b] = M_IB; // pshuf*, shift groups
    }
    u[0x77] = NONE; // emms
    for (int b = 0x80; b <= 0x8F; b++) {
      u[b] = REL32; // jcc rel32
    }
    u[0xA0] = NONE;
    u[0xA1] = NONE;
    u[0xA2] = NONE; // cpuid
    u[0xA4] = M_IB; // shld imm8
    u[0xA6] = INVALID;
    u[0xA7] = INVALID;
    u[0xA8] = NONE;
    u[0xA9] = NONE;
    u[0xAA] = NONE; // rsm
    u[0xAC] = M_IB; // shrd imm8
    u[0xBA] = M_IB; // bt group imm8
    u[0xC2] = M_IB; // cmpps
    u[0xC4] = M_IB; // pinsrw
    u[0xC5] = M_IB; // pextrw
    u[0xC6] = M_IB; // shufps
    for (int b = 0xC8; b <= 0xCF; b++) {
      u[b] = NONE; // bswap
    }
  }

  /**
   * One decoded instruction.
   *
   * @param offset where it starts
   * @param length its bytes
   * @param map 0 for the one-byte map, 1 for {@code 0F}, 2 for {@code 0F 38}, 3 for {@code 0F 3A}
   * @param opcode the opcode byte within its map
   * @param prefixes how many legacy prefix and REX bytes precede the opcode
   * @param modrm the ModRM byte, or -1 when there is none
   * @param dispOffset where the displacement starts, or -1
   * @param dispSize 0, 1 or 4
   * @param immOffset where the immediate (or branch displacement, or moffs) starts, or -1
   * @param immSize 0, 1, 2, 3 (enter), 4 or 8
   * @param ripRelative whether the memory operand is {@code [rip + disp32]}
   */
  record Instruction(
      int offset,
      int length,
      int map,
      int opcode,
      int prefixes,
      int modrm,
      int dispOffset,
      int dispSize,
      int immOffset,
      int immSize,
      boolean ripRelative) {

    int end() {
      return offset + length;
    }

    /** The ModRM reg field (the opcode extension of group opcodes), or -1. */
    int modrmReg() {
      return modrm < 0 ? -1 : (modrm >> 3) & 7;
    }

    boolean isReturn() {
      return map == 0 && (opcode == 0xC3 || opcode == 0xC2);
    }

    /** {@code jmp rel32} or {@code jcc rel32}. */
    boolean isJumpRel32() {
      return (map == 0 && opcode == 0xE9) || (map == 1 && opcode >= 0x80 && opcode <= 0x8F);
    }

    /** {@code jmp rel8}, {@code jcc rel8}, {@code loop*} and {@code jrcxz}. */
    boolean isJumpRel8() {
      return map == 0
          && ((opcode >= 0x70 && opcode <= 0x7F) || opcode == 0xEB
              || (opcode >= 0xE0 && opcode <= 0xE3));
    }

    boolean isCallRel32() {
      return map == 0 && opcode == 0xE8;
    }

    /** {@code call r/m} (FF /2) and far call (FF /3). */
    boolean isIndirectCall() {
      return map == 0 && opcode == 0xFF && (modrmReg() == 2 || modrmReg() == 3);
    }

    /** {@code jmp r/m} (FF /4) and far jump (FF /5). */
    boolean isIndirectJump() {
      return map == 0 && opcode == 0xFF && (modrmReg() == 4 || modrmReg() == 5);
    }

    /** For a relative branch, the offset it goes to. */
    int branchTarget(byte[] code) {
      long rel;
      if (immSize == 1) {
        rel = code[immOffset];
      } else if (immSize == 4) {
        rel = le32(code, immOffset);
      } else {
        throw new IllegalStateException("not a relative branch");
      }
      return Math.toIntExact(end() + rel);
    }
  }

  private X86_64Decoder() {}

  /**
   * Decodes {@code code} from start to end.
   *
   * @throws IllegalArgumentException naming the offset and bytes of an instruction it cannot
   *     decode, or of one that runs past the end
   */
  static List<Instruction> decode(byte[] code) {
    List<Instruction> out = new ArrayList<>();
    int at = 0;
    while (at < code.length) {
      Instruction insn = decodeOne(code, at);
      out.add(insn);
      at = insn.end();
    }
    return out;
  }

  /** Decodes the instruction at {@code start}. */
  static Instruction decodeOne(byte[] code, int start) {
    int p = start;
    boolean opsize16 = false;
    boolean addr32 = false;
    boolean rexW = false;
    int prefixes = 0;
    while (true) {
      int b = byte_(code, p, start);
      byte kind = ONE_BYTE[b];
      if (kind == PREFIX) {
        opsize16 |= b == 0x66;
        addr32 |= b == 0x67;
        prefixes++;
        p++;
      } else if (kind == REX) {
        rexW = (b & 8) != 0;
        prefixes++;
        p++;
        // REX must be the last prefix: what follows is the opcode.
        int next = byte_(code, p, start);
        if (ONE_BYTE[next] == PREFIX || ONE_BYTE[next] == REX) {
          throw failure(code, start, p, "a REX prefix not directly before the opcode");
        }
        break;
      } else {
        break;
      }
      if (prefixes > 14) {
        throw failure(code, start, p, "too many prefixes");
      }
    }

    int opcodeByte = byte_(code, p, start);
    int map = 0;
    byte kind = ONE_BYTE[opcodeByte];
    if (kind == ESCAPE) {
      p++;
      opcodeByte = byte_(code, p, start);
      map = 1;
      kind = TWO_BYTE[opcodeByte];
      if (kind == ESCAPE) {
        map = opcodeByte == 0x38 ? 2 : 3;
        p++;
        opcodeByte = byte_(code, p, start);
        kind = map == 2 ? M : M_IB;
      }
    }
    p++; // past the opcode byte

    switch (kind) {
      case VEX:
        throw failure(code, start, p, "a VEX, EVEX or XOP encoded (AVX) instruction");
      case INVALID:
        throw failure(code, start, p, "an opcode that is invalid or unsupported in 64-bit mode");
      case PREFIX:
      case REX:
        throw failure(code, start, p, "a prefix where the opcode belongs");
      default:
        break;
    }
    if (kind == POP_RM && ((byte_(code, p, start) >> 3) & 7) != 0) {
      throw failure(code, start, p, "an XOP encoded instruction");
    }

    int modrm = -1;
    int dispOffset = -1;
    int dispSize = 0;
    boolean rip = false;
    boolean hasModrm =
        kind == M || kind == M_IB || kind == M_IZ || kind == GROUP3_B || kind == GROUP3_Z
            || kind == POP_RM;
    if (hasModrm) {
      modrm = byte_(code, p, start);
      p++;
      int mod = modrm >> 6;
      int rm = modrm & 7;
      if (mod != 3) {
        if (rm == 4) {
          int sib = byte_(code, p, start);
          p++;
          if (mod == 0 && (sib & 7) == 5) {
            dispSize = 4;
          }
        } else if (mod == 0 && rm == 5) {
          dispSize = 4;
          rip = true;
        }
        if (mod == 1) {
          dispSize = 1;
        } else if (mod == 2) {
          dispSize = 4;
        }
      }
      if (dispSize > 0) {
        dispOffset = p;
        p += dispSize;
      }
    }

    int immSize;
    switch (kind) {
      case IB:
      case M_IB:
        immSize = 1;
        break;
      case IZ:
      case M_IZ:
        immSize = opsize16 ? 2 : 4;
        break;
      case IW:
        immSize = 2;
        break;
      case IV:
        immSize = rexW ? 8 : opsize16 ? 2 : 4;
        break;
      case MOFFS:
        immSize = addr32 ? 4 : 8;
        break;
      case ENTER:
        immSize = 3;
        break;
      case REL32:
        immSize = 4;
        break;
      case GROUP3_B:
        immSize = ((modrm >> 3) & 7) <= 1 ? 1 : 0;
        break;
      case GROUP3_Z:
        immSize = ((modrm >> 3) & 7) <= 1 ? (opsize16 ? 2 : 4) : 0;
        break;
      default:
        immSize = 0;
    }
    int immOffset = immSize > 0 ? p : -1;
    p += immSize;
    if (p > code.length) {
      throw failure(code, start, code.length, "an instruction that runs past the end of the code");
    }
    return new Instruction(
        start, p - start, map, opcodeByte, prefixes, modrm, dispOffset, dispSize, immOffset,
        immSize, rip);
  }

  private static int byte_(byte[] code, int p, int start) {
    if (p >= code.length) {
      throw failure(code, start, code.length, "an instruction that runs past the end of the code");
    }
    return code[p] & 0xFF;
  }

  private static IllegalArgumentException failure(byte[] code, int start, int p, String what) {
    StringBuilder bytes = new StringBuilder();
    for (int i = start; i < Math.min(code.length, Math.max(p, start + 1) + 2); i++) {
      bytes.append(String.format("%02x ", code[i] & 0xFF));
    }
    return new IllegalArgumentException(
        "cannot decode the instruction at offset " + start + " (bytes " + bytes.toString().trim()
            + "): " + what);
  }

  static int le32(byte[] code, int at) {
    return (code[at] & 0xFF) | (code[at + 1] & 0xFF) << 8 | (code[at + 2] & 0xFF) << 16
        | (code[at + 3] & 0xFF) << 24;
  }
}
