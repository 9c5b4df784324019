package org.stitchjit.runtime.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stitchjit.runtime.ast.Node;

/**
 * Malformed input of any kind must end in a {@link GuestSyntaxError} (or a successful parse),
 * never another exception or a hang. Fixed seeds keep failures reproducible; the loops stop
 * at a time budget so the test stays fast on slow machines.
 */
class ParserFuzzTest {
  private static final String[] PROGRAMS = {
      """
      import math
      from collections import deque as dq

      @decorator(1)
      class Shape(Base, metaclass=Meta):
          sides: int = 0

          def __init__(self, *args, name='shape', **kw) -> None:
              self.name, self.args = name, args
              super().__init__(**kw)

          def area(self, /, scale=1.0, *, exact=False):
              if exact and scale:
                  return math.pi * scale ** 2
              elif not exact:
                  return [x * y for x in range(3) if x for y in (1, 2)]
              else:
                  raise ValueError(f"bad {self.name!r:>{width}} {scale=}") from None
      """,
      """
      def gen(n):
          total = 0
          while (chunk := read(n)) is not None:
              try:
                  total += len(chunk); yield chunk
              except (OSError, KeyError) as e:
                  continue
              finally:
                  pass
          else:
              return {k: v for k, v in items() if k not in seen}
          lambda a, b=2, *c, d, **e: (a, b, c, d, e)
          global counter
          del cache[0], obj.attr
          assert total >= 0, 'negative'
          with open(p) as f, lock:
              data = f.read()[1:-1:2]
          x = y = [*a, *b]; s = {1, *rest}; d = {**m, 'k': 0}
          return """ + "\"\"\"multi\nline\\n\\t\\x41\"\"\"" + """
      """,
      """
      for i, (a, b) in enumerate(pairs):
          if a < b <= c != d and not (a is b or a in b):
              print(i, a, b, sep=', ', end='\\n')
          x = 0x1f + 0o17 + 0b11 + 1_000 + 1.5e-3 + .5 + 5.
          y = -2 ** -1 if x else ~x
          z = a[1:2, ::3] @ m
          s = 'a' 'b' r'\\d' f'{x:{w}.{p}f}' \\
              "continued"
      """,
  };

  private static final String[] FRAGMENTS = {
      "(", ")", "[", "]", "{", "}", ":", ",", ";", "=", "+", "*", "**", "\\", "'", "\"", "#",
      "@", "!", "$", "?", "\n", "\t", " ", ".", "%", "<>", ":=", "->", "...", "if ", "else",
      " for ", " in ", "lambda", "def ", "class ", "f\"{", "\"\"\"", "'''", " not ", "yield ",
      "return", "\n    ", "\n  ", "\n\t", "async ", "await ", "b\"", "import ", "from ",
      "try:", "except", "with ", " as ", "del ", "0x", "1e", "0_", "1_", "*a", "**k",
      "\\\n", "print ", "(x for x in y)", "j", "\u00a0", "\u20ac", "\ud83d\ude00", "\0",
      "\r", "\f", "f'{x!r:{y}}'", "f'{{", "}}", "match x:\n    case 1:\n        pass\n",
  };

  @Test
  void mutatedProgramsNeverEscapeAsOtherExceptions() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (String program : PROGRAMS) {
        assertThat(parseOrError(program)).as("seed program parses").isInstanceOf(Node.Mod.class);
      }
      Random random = new Random(20240611L);
      long deadline = System.nanoTime() + Duration.ofMillis(900).toNanos();
      int runs = 0;
      while (System.nanoTime() < deadline || runs < 200) {
        String program = PROGRAMS[random.nextInt(PROGRAMS.length)];
        parseOrError(mutate(program, random));
        runs++;
      }
      assertThat(runs).isGreaterThanOrEqualTo(200);
    });
  }

  @Test
  void randomCharactersNeverEscapeAsOtherExceptions() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Random random = new Random(7L);
      long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
      int runs = 0;
      while (System.nanoTime() < deadline || runs < 100) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(80);
        for (int i = 0; i < length; i++) {
          int kind = random.nextInt(10);
          if (kind < 6) {
            s.append((char) (32 + random.nextInt(95)));
          } else if (kind < 8) {
            s.append("\n\t ()[]{}'\"\\#:".charAt(random.nextInt(14)));
          } else {
            s.append((char) random.nextInt(0x10000));
          }
        }
        parseOrError(s.toString());
        runs++;
      }
    });
  }

  @Test
  void everyTruncationOfAProgramIsHandled() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      String program = PROGRAMS[0];
      for (int end = 0; end < program.length(); end += 7) {
        parseOrError(program.substring(0, end));
      }
    });
  }

  private static String mutate(String program, Random random) {
    String s = program;
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && !s.isEmpty(); i++) {
      int p = random.nextInt(s.length());
      switch (random.nextInt(5)) {
        case 0 -> s = s.substring(0, p);
        case 1 -> s = s.substring(0, p) + s.substring(Math.min(s.length(), p + 1
            + random.nextInt(6)));
        case 2 -> s = s.substring(0, p) + FRAGMENTS[random.nextInt(FRAGMENTS.length)]
            + s.substring(p);
        case 3 -> {
          int q = random.nextInt(s.length());
          s = s.substring(0, Math.min(p, q)) + s.substring(Math.max(p, q))
              + s.substring(Math.min(p, q), Math.max(p, q));
        }
        default -> {
          String[] lines = s.split("\n", -1);
          int line = random.nextInt(lines.length);
          lines[line] = " ".repeat(random.nextInt(9)) + lines[line].stripLeading();
          s = String.join("\n", lines);
        }
      }
    }
    return s;
  }

  private static Object parseOrError(String source) {
    try {
      return Parser.parse(source, "fuzz.py");
    } catch (GuestSyntaxError e) {
      assertThat(e.message()).isNotBlank();
      assertThat(e.format()).startsWith("  File \"fuzz.py\", line ");
      return e;
    } catch (Throwable t) {
      return fail("parser threw " + t + " for:\n" + source, t);
    }
  }
}
