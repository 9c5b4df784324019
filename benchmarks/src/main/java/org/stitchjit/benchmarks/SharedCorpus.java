package org.stitchjit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the report runners share: a trace corpus recorded once, in the runner's JVM, into a
 * temporary file that every JMH fork reads (recording runs the benchmark programs, which takes
 * far longer than one fork's measurement).
 */
final class SharedCorpus {
  private SharedCorpus() {}

  /**
   * JMH options from the command line whose forks read the corpus at the path in {@code
   * property}. {@code record} records it (writing the file {@link TraceCorpus} names by that
   * property) and returns a line to print about it.
   */
  static OptionsBuilder options(CommandLineOptions cli, String property, Supplier<String> record)
      throws IOException {
    Path corpus = Files.createTempFile("stitch-corpus", ".txt");
    Files.delete(corpus);
    corpus.toFile().deleteOnExit();
    System.setProperty(property, corpus.toString());
    System.out.println(record.get());
    List<String> jvmArgs = new ArrayList<>(
        cli.getJvmArgsAppend().orElse(List.of("-XX:+UseSerialGC", "-Xss16m")));
    jvmArgs.add("-D" + property + "=" + corpus);
    OptionsBuilder builder = new OptionsBuilder();
    builder.parent(cli).jvmArgsAppend(jvmArgs.toArray(new String[0]));
    return builder;
  }
}
