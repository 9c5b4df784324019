package org.stitchjit.runtime.modules;

import static org.stitchjit.runtime.builtins.Args.arg;
import static org.stitchjit.runtime.modules.ModuleSupport.def;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import org.stitchjit.runtime.builtins.Args;
import org.stitchjit.runtime.vm.VM;

/** The time module's clocks and sleep. */
final class TimeModule {
  private TimeModule() {}

  static void init(VM vm, long d) {
    def(vm, d, "perf_counter", (args, n, kw) -> {
      Args.noArgs(vm, "perf_counter", n, kw);
      return vm.newFloat(System.nanoTime() / 1e9);
    });
    def(vm, d, "perf_counter_ns", (args, n, kw) -> {
      Args.noArgs(vm, "perf_counter_ns", n, kw);
      return vm.newInt(System.nanoTime());
    });
    def(vm, d, "monotonic", (args, n, kw) -> {
      Args.noArgs(vm, "monotonic", n, kw);
      return vm.newFloat(System.nanoTime() / 1e9);
    });
    def(vm, d, "monotonic_ns", (args, n, kw) -> {
      Args.noArgs(vm, "monotonic_ns", n, kw);
      return vm.newInt(System.nanoTime());
    });
    def(vm, d, "time", (args, n, kw) -> {
      Args.noArgs(vm, "time", n, kw);
      Instant now = Instant.now();
      return vm.newFloat(now.getEpochSecond() + now.getNano() / 1e9);
    });
    def(vm, d, "time_ns", (args, n, kw) -> {
      Args.noArgs(vm, "time_ns", n, kw);
      Instant now = Instant.now();
      return vm.newInt(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    });
    def(vm, d, "process_time", (args, n, kw) -> {
      Args.noArgs(vm, "process_time", n, kw);
      return vm.newFloat(cpuNanos() / 1e9);
    });
    def(vm, d, "process_time_ns", (args, n, kw) -> {
      Args.noArgs(vm, "process_time_ns", n, kw);
      return vm.newInt(cpuNanos());
    });
    def(vm, d, "sleep", (args, n, kw) -> {
      Args.noKeywords(vm, "time.sleep", kw);
      if (n != 1) {
        throw vm.typeError("time.sleep() takes exactly one argument (" + n + " given)");
      }
      long v = arg(args, 0);
      double secs;
      if (vm.isFloat(v)) {
        secs = VM.floatValue(v);
        if (Double.isNaN(secs)) {
          throw vm.valueError("Invalid value NaN (not a number)");
        }
      } else {
        secs = vm.toIndex(v);
      }
      if (secs < 0) {
        throw vm.valueError("sleep length must be non-negative");
      }
      vm.out.flush();
      long nanos = (long) Math.min(secs * 1e9, (double) Long.MAX_VALUE);
      try {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw vm.raiseEmpty(vm.keyboardInterrupt);
      }
      return vm.none;
    });
  }

  /** CPU time of the process when the JVM can tell, else of this thread. */
  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      long t = sun.getProcessCpuTime();
      if (t >= 0) {
        return t;
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.getCurrentThreadCpuTime();
  }
}
