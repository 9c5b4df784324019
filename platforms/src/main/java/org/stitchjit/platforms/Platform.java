package org.stitchjit.platforms;

import java.util.Locale;
import java.util.Objects;
import org.stitchjit.platforms.exec.VirtualMemory;
import org.stitchjit.platforms.linux.LinuxVirtualMemory;

/**
 * The operating system and instruction set this JVM runs on, as far as the JIT cares.
 *
 * <p>Native backends ask this before they touch executable memory, so that an unsupported
 * machine fails with one clear message instead of a crash in machine code built for another
 * ISA. The {@code interp} backend never needs it.
 */
public final class Platform {

  /** Operating systems whose executable-memory rules differ. */
  public enum Os {
    LINUX,
    /** Needs {@code MAP_JIT} and per-thread write protection; not implemented yet. */
    MACOS,
    WINDOWS,
    OTHER
  }

  /** Instruction sets a backend can emit code for. */
  public enum Isa {
    X86_64,
    AARCH64,
    OTHER
  }

  private static final Platform CURRENT =
      detect(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));

  private final Os os;
  private final Isa isa;
  private final String osName;
  private final String osArch;

  private Platform(Os os, Isa isa, String osName, String osArch) {
    this.os = os;
    this.isa = isa;
    this.osName = osName;
    this.osArch = osArch;
  }

  /** The platform this JVM runs on, from {@code os.name} and {@code os.arch}. */
  public static Platform current() {
    return CURRENT;
  }

  /**
   * Classifies the given {@code os.name} and {@code os.arch} values; public so that tools and
   * tests can reason about platforms other than the one they run on.
   */
  public static Platform detect(String osName, String osArch) {
    Objects.requireNonNull(osName, "osName");
    Objects.requireNonNull(osArch, "osArch");
    String name = osName.toLowerCase(Locale.ROOT);
    String arch = osArch.toLowerCase(Locale.ROOT);
    Os os;
    if (name.startsWith("linux")) {
      os = Os.LINUX;
    } else if (name.startsWith("mac") || name.startsWith("darwin")) {
      os = Os.MACOS;
    } else if (name.startsWith("windows")) {
      os = Os.WINDOWS;
    } else {
      os = Os.OTHER;
    }
    Isa isa;
    switch (arch) {
      case "amd64":
      case "x86_64":
      case "x86-64":
        isa = Isa.X86_64;
        break;
      case "aarch64":
      case "arm64":
        isa = Isa.AARCH64;
        break;
      default:
        isa = Isa.OTHER;
    }
    return new Platform(os, isa, osName, osArch);
  }

  public Os os() {
    return os;
  }

  public Isa isa() {
    return isa;
  }

  /** The raw {@code os.name} this was detected from. */
  public String osName() {
    return osName;
  }

  /** The raw {@code os.arch} this was detected from. */
  public String osArch() {
    return osArch;
  }

  /** Whether native backends can run here: Linux on x86-64 only, for now. */
  public boolean isSupported() {
    return os == Os.LINUX && isa == Isa.X86_64;
  }

  /**
   * Throws when native backends cannot run here, saying what was detected and what to use
   * instead.
   *
   * @throws UnsupportedOperationException on anything but Linux x86-64
   */
  public void requireSupported() {
    if (!isSupported()) {
      throw new UnsupportedOperationException(
          "Stitch's native code (executable memory, native backends) supports Linux on x86-64"
              + " (amd64) only; this JVM reports os.name=\""
              + osName
              + "\", os.arch=\""
              + osArch
              + "\" ("
              + this
              + "). Use the \"interp\" backend here.");
    }
  }

  /**
   * The page-level memory services for this platform.
   *
   * @throws UnsupportedOperationException when the platform is not supported
   */
  public VirtualMemory virtualMemory() {
    requireSupported();
    return LinuxVirtualMemory.instance();
  }

  @Override
  public String toString() {
    return os.name().toLowerCase(Locale.ROOT) + "-" + isa.name().toLowerCase(Locale.ROOT);
  }
}
