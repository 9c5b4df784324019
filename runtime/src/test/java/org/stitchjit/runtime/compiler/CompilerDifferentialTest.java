package org.stitchjit.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CPython 3.11 ({@code python3}) as the oracle: every snippet of dis_corpus.txt must compile to
 * the same instructions, arguments, line numbers, exception handlers, stack size, flags and
 * symbol table as CPython's (normalized by pyref.py), and every snippet of error_corpus.txt must
 * fail with CPython's message at CPython's position. The ASTs come from CPython's own parser (the
 * compiler alone) and, in the ThroughStitchsParser tests, from Stitch's parser.
 */
class CompilerDifferentialTest {
  @BeforeAll
  static void needsPython() {
    assumeTrue(PyRef.available(), "python3 must be CPython 3.11 (the reference)");
  }

  @Test
  void bytecodeAndSymbolTablesMatchCpython() throws Exception {
    List<Differential.Snippet> snippets = Differential.corpus("dis_corpus.txt");
    assertThat(snippets).hasSizeGreaterThan(100);
    List<CodeUnit> compiled = new ArrayList<>();
    List<String> failures =
        Differential.compareCode(snippets, Differential.reference(snippets), compiled);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
    assertThat(compiled).hasSameSizeAs(snippets);
    for (CodeUnit code : compiled) {
      assertThat(CodeChecker.check(code)).as(Disassembler.dis(code)).isEmpty();
    }
  }

  @Test
  void bytecodeMatchesCpythonThroughStitchsParser() throws Exception {
    List<Differential.Snippet> snippets = Differential.corpus("dis_corpus.txt");
    List<String> failures = Differential.compareCode(snippets, Differential.reference(snippets),
        new ArrayList<>(), false, true);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void compileErrorsMatchCpythonThroughStitchsParser() throws Exception {
    List<Differential.Snippet> snippets = Differential.corpus("error_corpus.txt");
    List<String> failures =
        Differential.compareErrors(snippets, Differential.reference(snippets), true);
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @Test
  void compileErrorsMatchCpython() throws Exception {
    List<Differential.Snippet> snippets = Differential.corpus("error_corpus.txt");
    assertThat(snippets).hasSizeGreaterThan(40);
    List<String> failures =
        Differential.compareErrors(snippets, Differential.reference(snippets));
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }
}
