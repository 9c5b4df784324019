package org.stitchjit.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {

  @Test
  void linuxOnAmd64IsSupported() {
    Platform p = Platform.detect("Linux", "amd64");

    assertThat(p.os()).isEqualTo(Platform.Os.LINUX);
    assertThat(p.isa()).isEqualTo(Platform.Isa.X86_64);
    assertThat(p.isSupported()).isTrue();
    assertThat(p).hasToString("linux-x86_64");
    p.requireSupported();
  }

  @Test
  void classifiesOtherSystems() {
    assertThat(Platform.detect("Linux", "aarch64").isa()).isEqualTo(Platform.Isa.AARCH64);
    assertThat(Platform.detect("Mac OS X", "aarch64").os()).isEqualTo(Platform.Os.MACOS);
    assertThat(Platform.detect("Windows 11", "amd64").os()).isEqualTo(Platform.Os.WINDOWS);
    assertThat(Platform.detect("FreeBSD", "riscv64").isa()).isEqualTo(Platform.Isa.OTHER);
    assertThat(Platform.detect("Linux", "x86_64").isSupported()).isTrue();
    assertThat(Platform.detect("Linux", "aarch64").isSupported()).isFalse();
    assertThat(Platform.detect("Mac OS X", "x86_64").isSupported()).isFalse();
  }

  @Test
  void unsupportedPlatformsFailWithWhatWasDetected() {
    Platform mac = Platform.detect("Mac OS X", "aarch64");

    assertThatThrownBy(mac::requireSupported)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Linux on x86-64")
        .hasMessageContaining("os.name=\"Mac OS X\"")
        .hasMessageContaining("os.arch=\"aarch64\"")
        .hasMessageContaining("\"interp\" backend");
    assertThatThrownBy(mac::virtualMemory).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void currentReflectsTheJvm() {
    Platform current = Platform.current();

    assertThat(current.osName()).isEqualTo(System.getProperty("os.name"));
    assertThat(current.osArch()).isEqualTo(System.getProperty("os.arch"));
  }
}
