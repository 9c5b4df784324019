package org.stitchjit.backend.copypatch.elf;

/**
 * A named relocation type: how a hole's value is computed and encoded into the instruction or
 * data word at the relocation's offset. Names are exactly those of {@code elf.h}, so they can be
 * matched against {@code llvm-readelf -r} output.
 */
public sealed interface RelocationType permits X86_64Relocation, AArch64Relocation {

  /** The raw type, as stored in the low 32 bits of {@code r_info}. */
  int code();

  /** The {@code elf.h} name, such as {@code R_X86_64_PLT32}. */
  String name();

  Machine machine();
}
