package org.stitchjit.runtime.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Valid Python that Stitch does not run is rejected with a syntax error naming the construct
 * and pointing at it, but only when the rest of the file parses: a real syntax error anywhere
 * is reported first, as CPython would.
 */
class UnsupportedConstructTest {

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "x = 1\\nasync def f():\\n    pass | async functions | 2 | 1",
      "def f():\\n    async for x in y:\\n        pass | async for loops | 2 | 5",
      "def f():\\n    async with a as b:\\n        pass | async with statements | 2 | 5",
      "def f():\\n    return await g() | await expressions | 2 | 12",
      "def f():\\n    return [x async for x in y] | async comprehensions | 2 | 15",
      "match x:\\n    case 1:\\n        pass | match statements | 1 | 1",
      "try:\\n    pass\\nexcept* E:\\n    pass | except* clauses | 3 | 1",
      "x = (1, b'x') | bytes literals | 1 | 9",
      "x = 3 + 4j | complex literals | 1 | 9",
      "y = 2j\\nz = b'' | complex literals | 1 | 5",
  })
  void namesTheConstructAndItsLine(String escaped, String construct, int line, int col) {
    String source = escaped.replace("\\n", "\n");
    GuestSyntaxError e = SyntaxErrorTest.error(source);
    assertThat(e.message()).isEqualTo(construct + " are not supported by Stitch");
    assertThat(e.type()).isEqualTo("SyntaxError");
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.col()).isEqualTo(col);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "async def f():\\n    pass\\nx = = 1 | invalid syntax",
      "x = b'a'\\nif x\\n  pass | expected ':'",
  })
  void realSyntaxErrorsComeFirst(String escaped, String message) {
    assertThat(SyntaxErrorTest.error(escaped.replace("\\n", "\n")).message()).isEqualTo(message);
  }
}
