/**
 * The copy-and-patch stencil library and the tool that builds it (architecture decision 6).
 *
 * <p>Each uop has a C template in {@code src/main/c/templates} following the convention of
 * {@code src/main/c/stitch_stencil.h}. {@link org.stitchjit.backend.copypatch.stencil.StencilBuild}
 * compiles them with clang-19 ({@link org.stitchjit.backend.copypatch.stencil.StencilCompiler}),
 * reads each object's code and relocations into a {@link
 * org.stitchjit.backend.copypatch.stencil.Stencil} with {@link
 * org.stitchjit.backend.copypatch.stencil.Hole}s ({@link
 * org.stitchjit.backend.copypatch.stencil.StencilParser}), and writes a committed text library
 * that {@link org.stitchjit.backend.copypatch.stencil.StencilLibrary#load} reads at run time,
 * so that building and testing need no C compiler.
 */
package org.stitchjit.backend.copypatch.stencil;
