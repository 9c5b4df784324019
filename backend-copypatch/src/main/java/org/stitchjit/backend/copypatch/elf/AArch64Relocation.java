package org.stitchjit.backend.copypatch.elf;

/**
 * The AArch64 (LP64) static relocation types a compiler emits for code and data, with the
 * numbers and comments of {@code elf.h}. The TLS, dynamic and ILP32 types are left out: stencils
 * use none of them, and {@link #of} rejects them by number.
 */
public enum AArch64Relocation implements RelocationType {
  /** No relocation. */
  R_AARCH64_NONE(0),
  /** Direct 64 bit. */
  R_AARCH64_ABS64(257),
  /** Direct 32 bit. */
  R_AARCH64_ABS32(258),
  /** Direct 16-bit. */
  R_AARCH64_ABS16(259),
  /** PC-relative 64-bit. */
  R_AARCH64_PREL64(260),
  /** PC-relative 32-bit. */
  R_AARCH64_PREL32(261),
  /** PC-relative 16-bit. */
  R_AARCH64_PREL16(262),
  /** Dir. MOVZ imm. from bits 15:0. */
  R_AARCH64_MOVW_UABS_G0(263),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_UABS_G0_NC(264),
  /** Dir. MOVZ imm. from bits 31:16. */
  R_AARCH64_MOVW_UABS_G1(265),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_UABS_G1_NC(266),
  /** Dir. MOVZ imm. from bits 47:32. */
  R_AARCH64_MOVW_UABS_G2(267),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_UABS_G2_NC(268),
  /** Dir. MOV{K,Z} imm. from 63:48. */
  R_AARCH64_MOVW_UABS_G3(269),
  /** Dir. MOV{N,Z} imm. from 15:0. */
  R_AARCH64_MOVW_SABS_G0(270),
  /** Dir. MOV{N,Z} imm. from 31:16. */
  R_AARCH64_MOVW_SABS_G1(271),
  /** Dir. MOV{N,Z} imm. from 47:32. */
  R_AARCH64_MOVW_SABS_G2(272),
  /** PC-rel. LD imm. from bits 20:2. */
  R_AARCH64_LD_PREL_LO19(273),
  /** PC-rel. ADR imm. from bits 20:0. */
  R_AARCH64_ADR_PREL_LO21(274),
  /** Page-rel. ADRP imm. from 32:12. */
  R_AARCH64_ADR_PREL_PG_HI21(275),
  /** Likewise; no overflow check. */
  R_AARCH64_ADR_PREL_PG_HI21_NC(276),
  /** Dir. ADD imm. from bits 11:0. */
  R_AARCH64_ADD_ABS_LO12_NC(277),
  /** Likewise for LD/ST; no check. */
  R_AARCH64_LDST8_ABS_LO12_NC(278),
  /** PC-rel. TBZ/TBNZ imm. from 15:2. */
  R_AARCH64_TSTBR14(279),
  /** PC-rel. cond. br. imm. from 20:2. */
  R_AARCH64_CONDBR19(280),
  /** PC-rel. B imm. from bits 27:2. */
  R_AARCH64_JUMP26(282),
  /** Likewise for CALL. */
  R_AARCH64_CALL26(283),
  /** Dir. LD/ST imm. from bits 11:1. */
  R_AARCH64_LDST16_ABS_LO12_NC(284),
  /** Likewise for bits 11:2. */
  R_AARCH64_LDST32_ABS_LO12_NC(285),
  /** Likewise for bits 11:3. */
  R_AARCH64_LDST64_ABS_LO12_NC(286),
  /** PC-rel. MOV{N,Z} imm. from 15:0. */
  R_AARCH64_MOVW_PREL_G0(287),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_PREL_G0_NC(288),
  /** PC-rel. MOV{N,Z} imm. from 31:16. */
  R_AARCH64_MOVW_PREL_G1(289),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_PREL_G1_NC(290),
  /** PC-rel. MOV{N,Z} imm. from 47:32. */
  R_AARCH64_MOVW_PREL_G2(291),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_PREL_G2_NC(292),
  /** PC-rel. MOV{N,Z} imm. from 63:48. */
  R_AARCH64_MOVW_PREL_G3(293),
  /** Dir. LD/ST imm. from bits 11:4. */
  R_AARCH64_LDST128_ABS_LO12_NC(299),
  /** GOT-rel. off. MOV{N,Z} imm. 15:0. */
  R_AARCH64_MOVW_GOTOFF_G0(300),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_GOTOFF_G0_NC(301),
  /** GOT-rel. o. MOV{N,Z} imm. 31:16. */
  R_AARCH64_MOVW_GOTOFF_G1(302),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_GOTOFF_G1_NC(303),
  /** GOT-rel. o. MOV{N,Z} imm. 47:32. */
  R_AARCH64_MOVW_GOTOFF_G2(304),
  /** Likewise for MOVK; no check. */
  R_AARCH64_MOVW_GOTOFF_G2_NC(305),
  /** GOT-rel. o. MOV{N,Z} imm. 63:48. */
  R_AARCH64_MOVW_GOTOFF_G3(306),
  /** GOT-relative 64-bit. */
  R_AARCH64_GOTREL64(307),
  /** GOT-relative 32-bit. */
  R_AARCH64_GOTREL32(308),
  /** PC-rel. GOT off. load imm. 20:2. */
  R_AARCH64_GOT_LD_PREL19(309),
  /** GOT-rel. off. LD/ST imm. 14:3. */
  R_AARCH64_LD64_GOTOFF_LO15(310),
  /** P-page-rel. GOT off. ADRP 32:12. */
  R_AARCH64_ADR_GOT_PAGE(311),
  /** Dir. GOT off. LD/ST imm. 11:3. */
  R_AARCH64_LD64_GOT_LO12_NC(312),
  /** GOT-page-rel. GOT off. LD/ST 14:3. */
  R_AARCH64_LD64_GOTPAGE_LO15(313);

  private static final AArch64Relocation[] BY_CODE = new AArch64Relocation[314];

  static {
    for (AArch64Relocation type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private final int code;

  AArch64Relocation(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public Machine machine() {
    return Machine.AARCH64;
  }

  /**
   * The relocation type with this raw code.
   *
   * @throws ElfFormatException if the code is not one listed here
   */
  public static AArch64Relocation of(int code) {
    AArch64Relocation type = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    if (type == null) {
      throw new ElfFormatException("unknown AArch64 relocation type " + code);
    }
    return type;
  }
}
