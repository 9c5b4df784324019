/**
 * The parse stage of the stencil build tool: reads the ELF64 relocatable objects that clang
 * produces from the C stencil templates into an immutable model ({@link
 * org.stitchjit.backend.copypatch.elf.ElfObject}) of sections, symbols and relocations.
 *
 * <p>Only what stencils need is understood: little-endian ELF64 {@code ET_REL} files for x86-64
 * and AArch64, with {@code SHT_RELA} relocations. Anything else is rejected with an {@link
 * org.stitchjit.backend.copypatch.elf.ElfFormatException} that names it, because a stencil built
 * from a half-understood object would be silently wrong machine code.
 */
package org.stitchjit.backend.copypatch.elf;
