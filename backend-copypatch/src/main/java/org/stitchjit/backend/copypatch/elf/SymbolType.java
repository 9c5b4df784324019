package org.stitchjit.backend.copypatch.elf;

import java.util.Optional;

/** What a symbol names ({@code STT_*}, the low four bits of {@code st_info}). */
public enum SymbolType {
  NOTYPE(0),
  OBJECT(1),
  FUNC(2),
  SECTION(3),
  FILE(4),
  COMMON(5),
  TLS(6),
  /** A function whose address a resolver picks at load time; GNU's {@code STT_LOOS}. */
  GNU_IFUNC(10);

  private final int code;

  SymbolType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static Optional<SymbolType> of(int code) {
    for (SymbolType type : values()) {
      if (type.code == code) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
