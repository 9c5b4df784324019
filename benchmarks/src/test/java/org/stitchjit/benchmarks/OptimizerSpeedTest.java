package org.stitchjit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.compose.JitComponent;

/** The optimizer benchmark's setup and operation, without running JMH. */
class OptimizerSpeedTest {

  @AfterEach
  void clearProperties() {
    System.clearProperty("stitch.bench.programs");
  }

  @Test
  void everyRegisteredPassAndAllRunOnUnoptimizedTraces() {
    System.setProperty("stitch.bench.programs", "sieve");
    List<Trace> traces = TraceCorpus.standardUnoptimized();
    assertThat(traces).isNotEmpty();
    // Recorded before any pass: dead-code has not dropped the frontend's _SET_IPs yet.
    assertThat(traces.get(0).uops()).anyMatch(in -> in.uop() == Uop.SET_IP);

    List<String> params = OptimizerSpeed.passParams();
    assertThat(params).containsAll(JitComponent.create().jitFactory().passNames())
        .endsWith("all").hasSize(JitComponent.create().jitFactory().passNames().size() + 1);
    for (String pass : params) {
      OptimizerSpeed bench = new OptimizerSpeed();
      bench.pass = pass;
      bench.setUp();
      OptimizerSpeed.Work work = new OptimizerSpeed.Work();
      long in = 0;
      long out = 0;
      for (int i = 0; i < traces.size(); i++) {
        long before = work.uops;
        Region r = bench.optimize(work);
        in += work.uops - before;
        out += r.allUops().size();
      }
      assertThat(in).as(pass).isEqualTo(traces.stream().mapToLong(t -> t.uops().size()).sum());
      if (pass.equals("all")) {
        assertThat(out).as("uops after every pass").isLessThan(in);
      }
    }
  }

  @Test
  void anUnknownPassIsRejectedWithTheRegisteredNames() {
    assertThatThrownBy(() -> OptimizerSpeed.resolve("no-such-pass"))
        .hasMessageContaining("unknown JIT pass 'no-such-pass'");
  }
}
