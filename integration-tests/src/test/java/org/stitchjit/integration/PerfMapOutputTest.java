package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.api.jit.MachineCode;
import org.stitchjit.backend.copypatch.CopyPatchBackend;
import org.stitchjit.frontend.tracing.TracingFrontend;
import org.stitchjit.platforms.Platform;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.jit.Executor;

/** {@code perf-map=true} names every compiled region in {@code /tmp/perf-<pid>.map}. */
class PerfMapOutputTest {

  @Test
  void everyCompiledRegionIsNamedWithItsAddressAndSize() throws IOException {
    assumeTrue(Platform.current().isSupported(), "copypatch emits x86-64 Linux machine code");
    JitConfig config = JitConfig.parse("tracing+copypatch").toBuilder()
        .option("hot-loop", "2").option("hot-exit", "2").option("perf-map", "true").build();
    Jit jit = new Jit(config, new TracingFrontend(), ImmutableList.of(), new CopyPatchBackend());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path map;
    List<String> expected;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28, o, e, jit, null)) {
      int status = vm.runSource("""
          def perf_map_probe(n):
              t = 0
              for i in range(n):
                  if i % 3 == 0:
                      t += i
                  else:
                      t -= 1
              return t
          print(perf_map_probe(1000))
          """, "probe.py");
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("166167\n");
      map = vm.jitDriver().perfMapPath().orElseThrow();
      List<Executor> regions = vm.jitDriver().executors();
      // The loop and a bridge for the branch it did not record.
      assertThat(regions).hasSizeGreaterThanOrEqualTo(2);
      expected = regions.stream().map(ex -> {
        MachineCode mc = ex.compiled().machineCode().orElseThrow();
        return Long.toHexString(mc.address()) + " " + Integer.toHexString(mc.size())
            + " stitch:region-";
      }).toList();
    }
    assertThat(map).isEqualTo(Path.of("/tmp/perf-" + ProcessHandle.current().pid() + ".map"));
    List<String> lines = Files.readAllLines(map);
    for (String prefix : expected) {
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(prefix)
          .matches("[0-9a-f]+ [0-9a-f]+ stitch:region-\\d+:(loop|bridge):perf_map_probe:\\d+"));
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(":loop:perf_map_probe:3"));
    Files.deleteIfExists(map);
  }
}
