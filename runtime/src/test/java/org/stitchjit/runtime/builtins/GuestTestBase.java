package org.stitchjit.runtime.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.stitchjit.runtime.GuestVm;

/** Runs a guest program on a fresh VM and compares what it prints with CPython's output. */
public abstract class GuestTestBase {
  /** What one run produced. */
  public record Result(String out, String err, int status) {}

  public static Result run(String filename, String source, List<String> argv, String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream savedIn = System.in;
    if (stdin != null) {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }
    try (PrintStream po = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(err, false, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 30, po, pe)) {
      vm.vm().argv = argv;
      int status = vm.runSource(source, filename);
      po.flush();
      pe.flush();
      return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
          status);
    } finally {
      System.setIn(savedIn);
    }
  }

  /** Runs the program and checks stdout, the exit status and (unless expectedErr is null) stderr. */
  protected static void check(String filename, String source, List<String> argv, String stdin,
      String expectedOut, int expectedStatus, String expectedErr) {
    Result r = run(filename, source, argv, stdin);
    assertEquals(expectedOut, r.out(), () -> "stdout of " + filename + "; stderr was:\n" + r.err());
    assertEquals(expectedStatus, r.status(), () -> "exit status of " + filename + "; stderr:\n"
        + r.err());
    if (expectedErr != null) {
      assertEquals(expectedErr, r.err(), "stderr of " + filename);
    }
  }
}
