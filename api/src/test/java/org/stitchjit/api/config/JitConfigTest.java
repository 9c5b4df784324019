package org.stitchjit.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JitConfigTest {

  @Test
  void defaults() {
    JitConfig c = JitConfig.defaults();
    assertThat(c.enabled()).isTrue();
    assertThat(c.spec()).isEqualTo("tracing+copypatch");
    assertThat(c.hotLoop()).isEqualTo(16);
    assertThat(c.hotFunction()).isEqualTo(30);
    assertThat(c.hotExit()).isEqualTo(64);
    assertThat(c.traceLength()).isEqualTo(800);
    assertThat(c.codeCacheLimit()).isEqualTo(64L << 20);
    assertThat(c.linkMode()).isEqualTo(LinkMode.INDIRECT);
    assertThat(c.passes()).isEqualTo(Passes.all());
    assertThat(c.perfMap()).isFalse();
    assertThat(c.dumps()).isEmpty();
    assertThat(c.stats()).isEqualTo(StatsFormat.NONE);
    assertThat(c.forceExits()).isFalse();
    assertThat(c.toString()).isEqualTo("tracing+copypatch");
    assertThat(JitConfig.builder().build()).isEqualTo(c);
  }

  @Test
  void parsesSpecs() {
    JitConfig off = JitConfig.parse("off");
    assertThat(off.enabled()).isFalse();
    assertThat(off).isEqualTo(JitConfig.off());
    assertThat(off.toString()).isEqualTo("off");

    JitConfig t = JitConfig.parse("tracing+interp");
    assertThat(t.enabled()).isTrue();
    assertThat(t.frontend()).isEqualTo("tracing");
    assertThat(t.backend()).isEqualTo("interp");
    assertThat(t.toString()).isEqualTo("tracing+interp");

    assertThat(JitConfig.parse("tracing+copypatch")).isEqualTo(JitConfig.defaults());
    JitConfig bbv = JitConfig.parse(" bbv+asm ");
    assertThat(bbv.frontend()).isEqualTo("bbv");
    assertThat(bbv.backend()).isEqualTo("asm");
    // Names are free: implementations from a research group's jar are checked later.
    assertThat(JitConfig.parse("my-frontend2+x86_64").spec()).isEqualTo("my-frontend2+x86_64");
  }

  @Test
  void rejectsBadSpecs() {
    for (String bad : new String[] {"tracing", "on", "a+b+c", "+asm", "bbv+", "Tracing+asm",
        "tracing + asm", "1x+asm"}) {
      assertThatThrownBy(() -> JitConfig.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--jit");
    }
    assertThatThrownBy(() -> JitConfig.parse("tracing"))
        .hasMessage("--jit: expected 'off' or FRONTEND+BACKEND (e.g. tracing+copypatch), got"
            + " 'tracing'");
    assertThatThrownBy(() -> JitConfig.parse("Tracing+asm"))
        .hasMessageContaining("frontend name 'Tracing' must be lower-case letters");
  }

  @Test
  void everyOptionByKey() {
    JitConfig c = JitConfig.defaults()
        .withOption("hot-loop", "2")
        .withOption("hot-function", "3")
        .withOption("hot-exit", "4")
        .withOption("trace-length", "100")
        .withOption("code-cache-limit", "512k")
        .withOption("link-mode", "patch")
        .withOption("passes", "constfold, guards")
        .withOption("perf-map", "true")
        .withOption("dump", "uops,asm")
        .withOption("stats", "json")
        .withOption("force-exits", "true");
    assertThat(c.hotLoop()).isEqualTo(2);
    assertThat(c.hotFunction()).isEqualTo(3);
    assertThat(c.hotExit()).isEqualTo(4);
    assertThat(c.traceLength()).isEqualTo(100);
    assertThat(c.codeCacheLimit()).isEqualTo(512 * 1024);
    assertThat(c.linkMode()).isEqualTo(LinkMode.PATCH);
    assertThat(c.passes().names()).containsExactly("constfold", "guards");
    assertThat(c.perfMap()).isTrue();
    assertThat(c.dumps()).containsExactly(Dump.UOPS, Dump.ASM);
    assertThat(c.dumps(Dump.BYTECODE)).isFalse();
    assertThat(c.stats()).isEqualTo(StatsFormat.JSON);
    assertThat(c.forceExits()).isTrue();
    assertThat(c.toString()).isEqualTo("tracing+copypatch hot-loop=2 hot-function=3 hot-exit=4"
        + " trace-length=100 code-cache-limit=512k link-mode=patch passes=constfold,guards"
        + " perf-map=true dump=uops,asm stats=json force-exits=true");
    assertThat(JitConfig.parse(c.toString())).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c.options().keySet()).containsExactlyElementsOf(JitConfig.KEYS);
    assertThat(c.option("code-cache-limit")).isEqualTo("512k");
  }

  @Test
  void withOptionLeavesTheOriginalAlone() {
    JitConfig base = JitConfig.parse("bbv+asm");
    JitConfig changed = base.withOption("hot-loop", "1");
    assertThat(base.hotLoop()).isEqualTo(16);
    assertThat(changed.hotLoop()).isEqualTo(1);
    assertThat(changed.spec()).isEqualTo("bbv+asm");
    assertThat(changed).isNotEqualTo(base);
  }

  @Test
  void builderSettersAndToBuilder() {
    JitConfig c = JitConfig.builder()
        .spec("bbv+asm")
        .hotLoop(5)
        .codeCacheLimit(3L << 30)
        .passes(Passes.none())
        .dump(Dump.BYTECODE)
        .stats(StatsFormat.TABLE)
        .perfMap(true)
        .linkMode(LinkMode.PATCH)
        .forceExits(true)
        .build();
    assertThat(c.toString()).isEqualTo("bbv+asm hot-loop=5 code-cache-limit=3g link-mode=patch"
        + " passes=none perf-map=true dump=bytecode stats=table force-exits=true");
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(c.toBuilder().enabled(false).build().toString())
        .isEqualTo("off hot-loop=5 code-cache-limit=3g link-mode=patch passes=none"
            + " perf-map=true dump=bytecode stats=table force-exits=true");
    assertThat(c.toBuilder().forceExits(false).build().forceExits()).isFalse();
    // Turning the JIT back on keeps the frontend and backend it had.
    assertThat(c.toBuilder().enabled(false).enabled(true).build()).isEqualTo(c);
    assertThat(c.toBuilder().dumps(Set.of()).build().dumps()).isEmpty();
    // The builder does not share its dump set with configurations it built.
    JitConfig.Builder b = JitConfig.builder().dump(Dump.UOPS);
    JitConfig first = b.build();
    b.dump(Dump.ASM);
    assertThat(first.dumps()).containsExactly(Dump.UOPS);
    assertThatThrownBy(() -> first.dumps().add(Dump.ASM))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void byteSizes() {
    assertThat(opt("code-cache-limit", "65536").codeCacheLimit()).isEqualTo(65536);
    assertThat(opt("code-cache-limit", "16K").codeCacheLimit()).isEqualTo(16384);
    assertThat(opt("code-cache-limit", "2m").codeCacheLimit()).isEqualTo(2L << 20);
    assertThat(opt("code-cache-limit", "1g").codeCacheLimit()).isEqualTo(1L << 30);
    assertThat(opt("code-cache-limit", "5000").option("code-cache-limit")).isEqualTo("5000");
    assertThat(opt("code-cache-limit", "1536k").option("code-cache-limit")).isEqualTo("1536k");
    assertThat(JitConfig.parse("off code-cache-limit=5000").codeCacheLimit()).isEqualTo(5000);
  }

  @Test
  void badValuesNameTheKeyAndWhatIsAccepted() {
    assertBad("hot-loop", "0", "jit option hot-loop: expected an integer >= 1, got '0'");
    assertBad("hot-function", "x", "jit option hot-function: expected an integer >= 1, got 'x'");
    assertBad("hot-exit", "-3", "jit option hot-exit: expected an integer >= 1, got '-3'");
    assertBad("trace-length", "1", "jit option trace-length: expected an integer >= 2, got '1'");
    assertBad("code-cache-limit", "12q",
        "jit option code-cache-limit: expected a byte count such as 65536, 512k, 64m or 1g,"
            + " got '12q'");
    assertBad("code-cache-limit", "1k",
        "jit option code-cache-limit: expected at least 4k, got 1024 bytes");
    assertBad("code-cache-limit", "99999999999g",
        "jit option code-cache-limit: expected a byte count such as 65536, 512k, 64m or 1g,"
            + " got '99999999999g'");
    assertBad("link-mode", "copy",
        "jit option link-mode: expected patch or indirect, got 'copy'");
    assertBad("perf-map", "yes", "jit option perf-map: expected true or false, got 'yes'");
    assertBad("force-exits", "1", "jit option force-exits: expected true or false, got '1'");
    assertBad("dump", "uops,ir",
        "jit option dump: expected none or a comma list of bytecode, uops, asm, got 'uops,ir'");
    assertBad("stats", "csv", "jit option stats: expected none, table or json, got 'csv'");
    assertBad("passes", "a,,b", "jit option passes: '' is not a pass name");
    assertBad("passes", "a,all", "jit option passes: 'all' cannot be part of a list");
    assertBad("passes", "a,b,a", "jit option passes: 'a' is listed twice");
    assertThatThrownBy(() -> JitConfig.defaults().withOption("hot-loops", "3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown jit option 'hot-loops' (known: hot-loop, hot-function, hot-exit,"
            + " trace-length, code-cache-limit, link-mode, passes, perf-map, dump, stats,"
            + " force-exits)");
    assertThatThrownBy(() -> JitConfig.parse("tracing+asm hot-loop"))
        .hasMessage("jit option 'hot-loop': expected KEY=VALUE");
    assertThatThrownBy(() -> JitConfig.defaults().option("nope"))
        .hasMessageContaining("unknown jit option 'nope'");
  }

  @Test
  void equalityCoversEveryField() {
    JitConfig base = JitConfig.defaults();
    String[][] changes = {{"hot-loop", "17"}, {"hot-function", "1"}, {"hot-exit", "1"},
        {"trace-length", "9"}, {"code-cache-limit", "1m"}, {"link-mode", "patch"},
        {"passes", "none"}, {"perf-map", "true"}, {"dump", "asm"}, {"stats", "table"},
        {"force-exits", "true"}};
    for (String[] ch : changes) {
      JitConfig c = base.withOption(ch[0], ch[1]);
      assertThat(c).as(ch[0]).isNotEqualTo(base);
      assertThat(c.withOption(ch[0], base.option(ch[0]))).as(ch[0]).isEqualTo(base)
          .hasSameHashCodeAs(base);
    }
    assertThat(JitConfig.parse("bbv+copypatch")).isNotEqualTo(base);
    assertThat(JitConfig.parse("tracing+asm")).isNotEqualTo(base);
    assertThat(JitConfig.off()).isNotEqualTo(base);
    assertThat(base).isNotEqualTo("tracing+copypatch");
  }

  @Test
  void dumpNoneAndDuplicates() {
    assertThat(opt("dump", "none").dumps()).isEmpty();
    assertThat(opt("dump", "asm,bytecode,asm").dumps())
        .isEqualTo(EnumSet.of(Dump.BYTECODE, Dump.ASM));
    assertThat(opt("dump", "asm,bytecode").option("dump")).isEqualTo("bytecode,asm");
  }

  private static JitConfig opt(String key, String value) {
    return JitConfig.defaults().withOption(key, value);
  }

  private static void assertBad(String key, String value, String message) {
    assertThatThrownBy(() -> JitConfig.defaults().withOption(key, value))
        .as(key + "=" + value)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
