package org.stitchjit.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stitchjit.runtime.builtins.GuestTestBase;

/**
 * list.sort makes exactly CPython 3.11's comparisons: sort_comparisons.py sorts about 70 lists
 * (sizes 0 to 300, many duplicates, presorted and reversed runs, galloping-friendly blocks)
 * with an __lt__ that logs its operands, with key= and reverse=, with an __lt__ that raises
 * part-way and one that mutates the list. sort_comparisons.txt is what python3 printed for it.
 */
class SortingComparisonsTest extends GuestTestBase {

  private static String resource(String name) throws IOException {
    try (InputStream in = SortingComparisonsTest.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void comparisonLogsMatchCPython() throws IOException {
    Result r = run("sort_comparisons.py", resource("sort_comparisons.py"), List.of(), null);
    assertEquals("", r.err());
    assertEquals(0, r.status());
    String[] expected = resource("sort_comparisons.txt").split("\n", -1);
    String[] actual = r.out().split("\n", -1);
    // Line by line, showing where the lines part, so a failure names the case and the spot
    // rather than dumping lines of several KB.
    for (int i = 0; i < Math.min(expected.length, actual.length); i++) {
      if (!expected[i].equals(actual[i])) {
        String label = expected[i].split(" cmp | out ", 2)[0];
        fail("line " + (i + 1) + " (" + label + "): " + firstDifference(expected[i], actual[i]));
      }
    }
    assertEquals(expected.length, actual.length, "number of lines");
  }

  private static String firstDifference(String expected, String actual) {
    int k = 0;
    while (k < expected.length() && k < actual.length()
        && expected.charAt(k) == actual.charAt(k)) {
      k++;
    }
    int from = Math.max(0, k - 40);
    return "at column " + k + " expected \"..." + expected.substring(from, Math.min(
        expected.length(), k + 40)) + "\" but got \"..." + actual.substring(from, Math.min(
        actual.length(), k + 40)) + "\"";
  }
}
