package org.stitchjit.benchmarks;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CompileSpeed} (JMH options as for {@code org.openjdk.jmh.Main}, e.g. {@code -f 1
 * -wi 3 -i 5 -w 1s -r 1s}) and prints its scores as a Markdown table in the units the issue
 * asks for: ns per uop and MB of machine code per second.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.stitchjit.benchmarks.CompileSpeedReport \
 *     -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
public final class CompileSpeedReport {
  private CompileSpeedReport() {}

  public static void main(String[] args)
      throws RunnerException, CommandLineOptionException, IOException {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder builder = SharedCorpus.options(cli, TraceCorpus.CORPUS_PROPERTY,
        () -> TraceCorpus.standard().summary());
    if (cli.getIncludes().isEmpty()) {
      builder.include(CompileSpeed.class.getName() + "\\.");
    }
    Options options = builder.build();
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println(table(results));
  }

  /**
   * From JMH's average times: ns/trace is the primary score; the {@code uops} and {@code
   * codeBytes} secondaries are ns per uop and ns per byte, so uops per trace = (ns/trace) /
   * (ns/uop), bytes per trace = (ns/trace) / (ns/byte), MB/s = 1000 / (ns/byte).
   */
  static String table(Collection<RunResult> results) {
    StringBuilder b = new StringBuilder();
    b.append("| benchmark | size | ns/trace | uops/trace | code bytes/trace | ns/uop | MB/s |\n");
    b.append("|:---|:---|---:|---:|---:|---:|---:|\n");
    for (RunResult r : results) {
      Result<?> primary = r.getPrimaryResult();
      Result<?> uops = r.getSecondaryResults().get("uops");
      Result<?> bytes = r.getSecondaryResults().get("codeBytes");
      if (uops == null || bytes == null) {
        continue;
      }
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      double perTrace = primary.getScore();
      b.append(String.format(Locale.ROOT, "| %s | %s | %.0f ± %.0f | %.1f | %.0f | %.1f ± %.1f | %.0f |%n",
          name, r.getParams().getParam("size"), perTrace, primary.getScoreError(),
          perTrace / uops.getScore(), perTrace / bytes.getScore(), uops.getScore(),
          uops.getScoreError(), 1000.0 / bytes.getScore()));
    }
    return b.toString();
  }
}
