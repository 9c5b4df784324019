package org.stitchjit.benchmarks;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link OptimizerSpeed} for every registered pass alone and for {@code all} (JMH options
 * as for {@code org.openjdk.jmh.Main}; a {@code -p pass=...} of its own replaces the list) and
 * prints the scores as a Markdown table of ns per uop.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.stitchjit.benchmarks.OptimizerSpeedReport \
 *     -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
public final class OptimizerSpeedReport {
  private OptimizerSpeedReport() {}

  public static void main(String[] args)
      throws RunnerException, CommandLineOptionException, IOException {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder builder = SharedCorpus.options(cli, TraceCorpus.UNOPTIMIZED_CORPUS_PROPERTY,
        () -> TraceCorpus.standardUnoptimized().size() + " traces recorded");
    if (cli.getIncludes().isEmpty()) {
      builder.include(OptimizerSpeed.class.getName() + "\\.");
    }
    if (cli.getParameter("pass").orElse(List.of()).isEmpty()) {
      builder.param("pass", OptimizerSpeed.passParams().toArray(new String[0]));
    }
    Collection<RunResult> results = new Runner(builder.build()).run();
    System.out.println();
    System.out.println(table(results));
  }

  /**
   * From JMH's average times: ns/trace is the primary score and the {@code uops} secondary is
   * ns per uop, so uops per trace = (ns/trace) / (ns/uop).
   */
  static String table(Collection<RunResult> results) {
    StringBuilder b = new StringBuilder();
    b.append("| pass | ns/trace | uops/trace | ns/uop |\n");
    b.append("|:---|---:|---:|---:|\n");
    for (RunResult r : results) {
      Result<?> primary = r.getPrimaryResult();
      Result<?> uops = r.getSecondaryResults().get("uops");
      if (uops == null) {
        continue;
      }
      double perTrace = primary.getScore();
      b.append(String.format(Locale.ROOT, "| %s | %.0f ± %.0f | %.1f | %.1f ± %.1f |%n",
          r.getParams().getParam("pass"), perTrace, primary.getScoreError(),
          perTrace / uops.getScore(), uops.getScore(), uops.getScoreError()));
    }
    return b.toString();
  }
}
