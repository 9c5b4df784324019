package org.stitchjit.backend.copypatch.elf;

/**
 * The x86-64 relocation types of the System V psABI, with the numbers and comments of {@code
 * elf.h}. Codes 39 and 40 are reserved.
 */
public enum X86_64Relocation implements RelocationType {
  /** No reloc. */
  R_X86_64_NONE(0),
  /** Direct 64 bit. */
  R_X86_64_64(1),
  /** PC relative 32 bit signed. */
  R_X86_64_PC32(2),
  /** 32 bit GOT entry. */
  R_X86_64_GOT32(3),
  /** 32 bit PLT address. */
  R_X86_64_PLT32(4),
  /** Copy symbol at runtime. */
  R_X86_64_COPY(5),
  /** Create GOT entry. */
  R_X86_64_GLOB_DAT(6),
  /** Create PLT entry. */
  R_X86_64_JUMP_SLOT(7),
  /** Adjust by program base. */
  R_X86_64_RELATIVE(8),
  /** 32 bit signed PC relative offset to GOT. */
  R_X86_64_GOTPCREL(9),
  /** Direct 32 bit zero extended. */
  R_X86_64_32(10),
  /** Direct 32 bit sign extended. */
  R_X86_64_32S(11),
  /** Direct 16 bit zero extended. */
  R_X86_64_16(12),
  /** 16 bit sign extended pc relative. */
  R_X86_64_PC16(13),
  /** Direct 8 bit sign extended. */
  R_X86_64_8(14),
  /** 8 bit sign extended pc relative. */
  R_X86_64_PC8(15),
  /** ID of module containing symbol. */
  R_X86_64_DTPMOD64(16),
  /** Offset in module's TLS block. */
  R_X86_64_DTPOFF64(17),
  /** Offset in initial TLS block. */
  R_X86_64_TPOFF64(18),
  /** 32 bit signed PC relative offset to two GOT entries for GD symbol. */
  R_X86_64_TLSGD(19),
  /** 32 bit signed PC relative offset to two GOT entries for LD symbol. */
  R_X86_64_TLSLD(20),
  /** Offset in TLS block. */
  R_X86_64_DTPOFF32(21),
  /** 32 bit signed PC relative offset to GOT entry for IE symbol. */
  R_X86_64_GOTTPOFF(22),
  /** Offset in initial TLS block. */
  R_X86_64_TPOFF32(23),
  /** PC relative 64 bit. */
  R_X86_64_PC64(24),
  /** 64 bit offset to GOT. */
  R_X86_64_GOTOFF64(25),
  /** 32 bit signed pc relative offset to GOT. */
  R_X86_64_GOTPC32(26),
  /** 64-bit GOT entry offset. */
  R_X86_64_GOT64(27),
  /** 64-bit PC relative offset to GOT entry. */
  R_X86_64_GOTPCREL64(28),
  /** 64-bit PC relative offset to GOT. */
  R_X86_64_GOTPC64(29),
  /** like GOT64, says PLT entry needed. */
  R_X86_64_GOTPLT64(30),
  /** 64-bit GOT relative offset to PLT entry. */
  R_X86_64_PLTOFF64(31),
  /** Size of symbol plus 32-bit addend. */
  R_X86_64_SIZE32(32),
  /** Size of symbol plus 64-bit addend. */
  R_X86_64_SIZE64(33),
  /** GOT offset for TLS descriptor. */
  R_X86_64_GOTPC32_TLSDESC(34),
  /** Marker for call through TLS descriptor. */
  R_X86_64_TLSDESC_CALL(35),
  /** TLS descriptor. */
  R_X86_64_TLSDESC(36),
  /** Adjust indirectly by program base. */
  R_X86_64_IRELATIVE(37),
  /** 64-bit adjust by program base. */
  R_X86_64_RELATIVE64(38),
  /** Load from 32 bit signed pc relative offset to GOT entry without REX prefix, relaxable. */
  R_X86_64_GOTPCRELX(41),
  /** Load from 32 bit signed pc relative offset to GOT entry with REX prefix, relaxable. */
  R_X86_64_REX_GOTPCRELX(42);

  private static final X86_64Relocation[] BY_CODE = new X86_64Relocation[43];

  static {
    for (X86_64Relocation type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private final int code;

  X86_64Relocation(int code) {
    this.code = code;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public Machine machine() {
    return Machine.X86_64;
  }

  /**
   * The relocation type with this raw code.
   *
   * @throws ElfFormatException if the code is not one listed here
   */
  public static X86_64Relocation of(int code) {
    X86_64Relocation type = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    if (type == null) {
      throw new ElfFormatException("unknown x86-64 relocation type " + code);
    }
    return type;
  }
}
