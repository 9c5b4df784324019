package org.stitchjit.backend.copypatch.elf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A parsed relocatable object.
 *
 * @param sections every section, including the null section 0, so that {@code
 *     sections().get(i)} is the section with header index {@code i}
 * @param symbols every symbol table entry, including the null symbol 0, so that {@code
 *     symbols().get(i)} is symbol {@code i}; empty if the object has no symbol table
 */
public record ElfObject(Machine machine, List<Section> sections, List<Symbol> symbols) {

  public ElfObject {
    Objects.requireNonNull(machine, "machine");
    sections = List.copyOf(sections);
    symbols = List.copyOf(symbols);
  }

  /**
   * The section with this name.
   *
   * @throws IllegalArgumentException if several sections have the name (possible with {@code
   *     -ffunction-sections} and COMDAT groups); then look them up by index
   */
  public Optional<Section> section(String name) {
    return unique(sections, Section::name, name, "sections");
  }

  /**
   * The symbol with this name.
   *
   * @throws IllegalArgumentException if several symbols have the name (local symbols may repeat,
   *     such as AArch64's {@code $x} mapping symbols); then look them up by index
   */
  public Optional<Symbol> symbol(String name) {
    return unique(symbols, Symbol::name, name, "symbols");
  }

  /** The section a symbol is defined in; empty for undefined, absolute and common symbols. */
  public Optional<Section> sectionOf(Symbol symbol) {
    return symbol.isDefinedInSection()
        ? Optional.of(sections.get(symbol.sectionIndex()))
        : Optional.empty();
  }

  /** The machine code: allocated, executable sections ({@code .text} and {@code .text.*}). */
  public List<Section> textSections() {
    return sections.stream().filter(s -> s.isAllocated() && s.isExecutable()).toList();
  }

  /**
   * The data a stencil carries along: allocated, non-executable sections, such as {@code .data},
   * {@code .rodata*}, {@code .bss} and their large-model forms {@code .ldata}, {@code .lrodata*}
   * and {@code .lbss}.
   */
  public List<Section> dataSections() {
    return sections.stream().filter(s -> s.isAllocated() && !s.isExecutable()).toList();
  }

  private static <T> Optional<T> unique(
      List<T> items, Function<T, String> nameOf, String name, String what) {
    List<T> matches = items.stream().filter(item -> nameOf.apply(item).equals(name)).toList();
    if (matches.size() > 1) {
      throw new IllegalArgumentException(
          matches.size() + " " + what + " are named '" + name + "'; look them up by index");
    }
    return matches.stream().findFirst();
  }
}
