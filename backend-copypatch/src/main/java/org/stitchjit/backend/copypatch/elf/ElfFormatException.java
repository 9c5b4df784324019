package org.stitchjit.backend.copypatch.elf;

/** An object file is malformed, or uses an ELF feature this reader does not understand. */
public final class ElfFormatException extends IllegalArgumentException {

  public ElfFormatException(String message) {
    super(message);
  }
}
