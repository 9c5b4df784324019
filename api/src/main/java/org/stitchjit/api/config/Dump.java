package org.stitchjit.api.config;

import java.util.Locale;

/** What the JIT prints for each region it compiles. */
public enum Dump {
  /** The bytecode the region was selected from. */
  BYTECODE,
  /** The uops, before and after each optimizer pass. */
  UOPS,
  /** The machine code, disassembled with llvm-objdump when it is present. */
  ASM;

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
