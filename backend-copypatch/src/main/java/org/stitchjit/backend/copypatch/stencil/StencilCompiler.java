package org.stitchjit.backend.copypatch.stencil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The build's compile stage: runs clang on one template and returns the object file's bytes.
 *
 * <p>The flags are those of architecture decision 6 plus a few that make the output
 * independent of the host and strict (see {@link #FLAGS} and {@code src/main/c/templates/README.md}).
 */
public final class StencilCompiler {

  /** The compiler looked up on the PATH unless told otherwise. */
  public static final String DEFAULT_CLANG = "clang-19";

  /** The target triple of the x86-64 Linux library. */
  public static final String X86_64_LINUX_TARGET = "x86_64-unknown-linux-gnu";

  /**
   * The code generation flags, in order.
   *
   * <ul>
   *   <li>{@code -O2}: the uop bodies are a handful of instructions; -O2 gives the tail jumps
   *       and no frame set-up
   *   <li>{@code -std=c11 -ffreestanding}: no hosted library; {@code stdint.h} is clang's own, so
   *       the output does not depend on the host's C library headers
   *   <li>{@code -fno-pic -mcmodel=medium -mlarge-data-threshold=0}: every data address (every
   *       data hole) is a {@code movabs} with a 64-bit absolute relocation
   *   <li>{@code -fno-plt}: external calls and tail calls go through the GOT ({@code jmp
   *       *sym@GOTPCREL(%rip)}), which the parse stage relaxes to {@code jmp rel32; nop}
   *   <li>{@code -fno-asynchronous-unwind-tables}: no {@code .eh_frame} (data the tool rejects)
   *   <li>{@code -fno-stack-protector}, {@code -fno-builtin}, {@code -fno-jump-tables}: no
   *       references to the C library, its canary or tables in data sections
   *   <li>{@code -fomit-frame-pointer}: no {@code rbp} frame in stencils (the -O2 default on
   *       x86-64 Linux, stated so a distribution's defaults cannot change it)
   *   <li>{@code -Wall -Wextra -Werror}: a template that warns does not build
   * </ul>
   */
  public static final List<String> FLAGS =
      List.of(
          "-O2",
          "-c",
          "-std=c11",
          "-ffreestanding",
          "-fno-pic",
          "-mcmodel=medium",
          "-mlarge-data-threshold=0",
          "-fno-asynchronous-unwind-tables",
          "-fno-stack-protector",
          "-fno-jump-tables",
          "-fno-builtin",
          "-fno-plt",
          "-fomit-frame-pointer",
          "-Wall",
          "-Wextra",
          "-Werror");

  private static final long TIMEOUT_SECONDS = 120;

  private final String clang;

  public StencilCompiler(String clang) {
    this.clang = Objects.requireNonNull(clang, "clang");
  }

  public String clang() {
    return clang;
  }

  /** The flags as they are recorded in the library: target, then {@link #FLAGS}. */
  public static String flagsLine() {
    return "--target=" + X86_64_LINUX_TARGET + " " + String.join(" ", FLAGS);
  }

  /**
   * The first line of {@code clang --version}.
   *
   * @throws IOException if the compiler cannot be run (not installed, not on the PATH)
   */
  public String version() throws IOException {
    Result result;
    try {
      result = run(List.of(clang, "--version"), null);
    } catch (IOException e) {
      throw new IOException("cannot run " + clang + ": " + e.getMessage(), e);
    }
    if (result.exitCode != 0 || result.output.isBlank()) {
      throw new IOException(clang + " --version failed: " + result.output);
    }
    return result.output.lines().findFirst().orElseThrow().trim();
  }

  /**
   * Compiles {@code template} with {@code includeDir} on the include path and returns the object.
   *
   * @throws StencilBuildException with clang's diagnostics if it fails
   */
  public byte[] compile(String name, Path template, Path includeDir) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("stitch-stencil-");
      Path object = dir.resolve(name + ".o");
      List<String> command = new ArrayList<>();
      command.add(clang);
      command.add("--target=" + X86_64_LINUX_TARGET);
      command.addAll(FLAGS);
      command.add("-I" + includeDir.toAbsolutePath());
      command.add(template.toAbsolutePath().toString());
      command.add("-o");
      command.add(object.toString());
      Result result = run(command, dir);
      if (result.exitCode != 0) {
        throw new StencilBuildException(
            name, clang + " failed (exit " + result.exitCode + "):\n" + result.output);
      }
      return Files.readAllBytes(object);
    } catch (IOException e) {
      throw new StencilBuildException(name, "cannot run " + clang + ": " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        deleteQuietly(dir);
      }
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, Path dir) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      builder.directory(dir.toFile());
    }
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp directory left behind is harmless.
    }
  }
}
