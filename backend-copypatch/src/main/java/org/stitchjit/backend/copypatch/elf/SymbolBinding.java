package org.stitchjit.backend.copypatch.elf;

import java.util.Optional;

/** Who can see a symbol ({@code STB_*}, the high four bits of {@code st_info}). */
public enum SymbolBinding {
  LOCAL(0),
  GLOBAL(1),
  WEAK(2),
  /** A global that the dynamic linker keeps unique per process; GNU's {@code STB_LOOS}. */
  GNU_UNIQUE(10);

  private final int code;

  SymbolBinding(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static Optional<SymbolBinding> of(int code) {
    for (SymbolBinding binding : values()) {
      if (binding.code == code) {
        return Optional.of(binding);
      }
    }
    return Optional.empty();
  }
}
