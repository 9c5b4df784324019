package org.stitchjit.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfMapTest {

  @TempDir Path dir;

  @Test
  void writesHexStartSizeAndNamePerLine() throws IOException {
    Path file = dir.resolve("perf-1.map");
    try (PerfMap map = new PerfMap(file)) {
      map.add(0x7f12_3456_7000L, 0x40, "stitch:trace fib@3");
      map.add(0x7f12_3456_7040L, 5, "stitch:block\nf@0");

      assertThat(Files.readAllLines(file))
          .containsExactly("7f1234567000 40 stitch:trace fib@3", "7f1234567040 5 stitch:block f@0");
    }
  }

  @Test
  void eachLineIsOnDiskAsSoonAsItIsAdded() throws IOException {
    Path file = dir.resolve("perf-2.map");
    try (PerfMap map = new PerfMap(file)) {
      map.add(0x1000, 0x10, "a");

      assertThat(Files.readString(file)).isEqualTo("1000 10 a\n");
    }
  }

  @Test
  void truncatesAStaleFileOnceThenAppends() throws IOException {
    Path file = dir.resolve("perf-3.map");
    Files.writeString(file, "dead 1 from an earlier process\n");

    try (PerfMap first = new PerfMap(file)) {
      first.add(0x2000, 8, "first");
    }
    try (PerfMap second = new PerfMap(file)) {
      second.add(0x3000, 8, "second");
    }

    assertThat(Files.readAllLines(file)).containsExactly("2000 8 first", "3000 8 second");
  }

  @Test
  void rejectsEntriesPerfCouldNotUse() throws IOException {
    PerfMap map = new PerfMap(dir.resolve("perf-4.map"));
    assertThatThrownBy(() -> map.add(0x1000, 0, "empty"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> map.add(0x1000, 4, " \n"))
        .isInstanceOf(IllegalArgumentException.class);
    map.close();
    assertThatThrownBy(() -> map.add(0x1000, 4, "late"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theProcessMapIsNamedByPid() throws IOException {
    Path path;
    try (PerfMap map = PerfMap.openForCurrentProcess()) {
      path = map.path();
    }
    try {
      assertThat(path).hasToString("/tmp/perf-" + ProcessHandle.current().pid() + ".map");
    } finally {
      Files.deleteIfExists(path);
    }
  }
}
