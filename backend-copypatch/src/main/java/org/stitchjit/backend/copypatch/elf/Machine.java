package org.stitchjit.backend.copypatch.elf;

import java.util.Map;

/** The instruction sets whose objects are read, with the relocation types each one defines. */
public enum Machine {
  X86_64(62, "EM_X86_64") {
    @Override
    public RelocationType relocationType(int code) {
      return X86_64Relocation.of(code);
    }
  },
  AARCH64(183, "EM_AARCH64") {
    @Override
    public RelocationType relocationType(int code) {
      return AArch64Relocation.of(code);
    }
  };

  /** Names for machines an unsuitable object is likely to come from, for the error message. */
  private static final Map<Integer, String> OTHER_MACHINES =
      Map.of(
          3, "EM_386",
          8, "EM_MIPS",
          20, "EM_PPC",
          21, "EM_PPC64",
          22, "EM_S390",
          40, "EM_ARM",
          243, "EM_RISCV",
          258, "EM_LOONGARCH");

  private final int code;
  private final String elfName;

  Machine(int code, String elfName) {
    this.code = code;
    this.elfName = elfName;
  }

  /** The {@code e_machine} value. */
  public int code() {
    return code;
  }

  /** The name {@code elf.h} gives the {@code e_machine} value, such as {@code EM_X86_64}. */
  public String elfName() {
    return elfName;
  }

  /**
   * Names a raw relocation type of this machine.
   *
   * @throws ElfFormatException if this machine has no such relocation type, or it is one this
   *     reader does not know
   */
  public abstract RelocationType relocationType(int code);

  static Machine of(int code) {
    for (Machine machine : values()) {
      if (machine.code == code) {
        return machine;
      }
    }
    String name = OTHER_MACHINES.containsKey(code) ? OTHER_MACHINES.get(code) + " (" + code + ")"
        : "e_machine " + code;
    throw new ElfFormatException(
        "unsupported machine " + name + ": only EM_X86_64 (62) and EM_AARCH64 (183) objects are"
            + " read");
  }
}
