package org.stitchjit.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stitchjit.optimizer.FakeEnvironment.BUILTINS;
import static org.stitchjit.optimizer.FakeEnvironment.GLOBALS;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.Region;

/** The promotion pass on hand-written traces against a table VM, each with its result. */
class PromotionPassTest {
  private final FakeEnvironment env = new FakeEnvironment();

  @BeforeEach
  void globals() {
    env.keysVersions.put(GLOBALS, 0x4L);
    env.keysVersions.put(BUILTINS, 0x8L);
    env.entry(GLOBALS, 2, Tag.fromInt(10)).entry(BUILTINS, 5, 0x5000);
  }

  private Region run(String text, PassHarness h) {
    return h.run(text);
  }

  @Test
  void aModuleGlobalBecomesItsValueDependingOnItsEntry() {
    PassHarness h = new PassHarness(env, new PromotionPass());
    Region r = run("""
        trace
          _GUARD_GLOBALS_VERSION operand=0x4 exit=0
          _LOAD_GLOBAL_MODULE operand=0x2 exit=1
          _POP_TOP
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=4 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=0 SLOW_PATH
        exit 2: code=0x7 ip=8 depth=0 END_OF_REGION
        """, h);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_CONST_INLINE operand=0x15
        _POP_TOP
        _EXIT_TRACE exit=2
        """));
    assertThat(env.dependencies).containsExactly("entry 0x1000[2]");
    assertThat(h.counts).containsEntry("promoted", 1L).containsEntry("guards-removed", 1L);
  }

  @Test
  void aBuiltinAlsoDependsOnTheGlobalsKeysThatCouldShadowIt() {
    PassHarness h = new PassHarness(env, new PromotionPass());
    Region r = run("""
        trace
          _GUARD_GLOBALS_VERSION operand=0x4 exit=0
          _GUARD_BUILTINS_VERSION operand=0x8 exit=0
          _LOAD_GLOBAL_BUILTINS operand=0x5 exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=4 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=0 SLOW_PATH
        exit 2: code=0x7 ip=8 depth=1 END_OF_REGION
        """, h);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_CONST_INLINE operand=0x5000
        _EXIT_TRACE exit=2
        """));
    assertThat(env.dependencies).containsExactly("keys 0x1000", "entry 0x2000[5]");
    assertThat(h.counts).containsEntry("guards-removed", 2L);
  }

  @Test
  void aStaleKeysVersionOrADeletedEntryStaysALoad() {
    // The guards would exit: the region was recorded against other keys, or the value is gone.
    String text = """
        trace
          _GUARD_GLOBALS_VERSION operand=0x6 exit=0
          _LOAD_GLOBAL_MODULE operand=0x2 exit=1
          _GUARD_GLOBALS_VERSION operand=0x4 exit=0
          _LOAD_GLOBAL_MODULE operand=0x3 exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=4 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=0 SLOW_PATH
        exit 2: code=0x7 ip=8 depth=2 END_OF_REGION
        """;
    PassHarness h = new PassHarness(env, new PromotionPass());
    Region before = org.stitchjit.api.uop.RegionText.parse(text);
    assertThat(h.run(before)).isSameAs(before);
    assertThat(env.dependencies).isEmpty();
  }

  @Test
  void anInlinedCalleeReadsItsOwnFunctionsGlobals() {
    long g2 = 0x1800;
    env.functionGlobals.put(0x9000L, g2);
    env.functionCode.put(0x9000L, 0x9100L);
    env.keysVersions.put(g2, 0x2L);
    env.entry(g2, 0, Tag.fromInt(7));
    PassHarness h = new PassHarness(env, new PromotionPass());
    Region r = run("""
        trace
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x9000
          _INIT_CALL_PY_EXACT_ARGS 0 operand=0x9000
          _PUSH_FRAME
          _GUARD_GLOBALS_VERSION operand=0x2 exit=0
          _LOAD_GLOBAL_MODULE operand=0x0 exit=1
          _POP_FRAME
          _GUARD_GLOBALS_VERSION operand=0x4 exit=2
          _LOAD_GLOBAL_MODULE operand=0x2 exit=2
          _EXIT_TRACE exit=3
        exit 0: code=0x9100 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x9100 ip=0 depth=0 SLOW_PATH
        exit 2: code=0x7 ip=8 depth=1 GUARD_FAILED
        exit 3: code=0x7 ip=12 depth=2 END_OF_REGION
        """, h);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _PUSH_NULL
        _LOAD_CONST_INLINE operand=0x9000
        _INIT_CALL_PY_EXACT_ARGS 0 operand=0x9000
        _PUSH_FRAME
        _LOAD_CONST_INLINE operand=0xf
        _POP_FRAME
        _LOAD_CONST_INLINE operand=0x15
        _EXIT_TRACE exit=3
        """));
    assertThat(env.dependencies).containsExactly("entry 0x1800[0]", "entry 0x1000[2]");
  }

  @Test
  void aModuleAttributeOfAPromotedModuleLeavesOnlyItsValueAfterTypesAndDeadCode() {
    // import math; math.pi: the module is a promoted global, so its identity check goes
    // (types) and the module's push and pop cancel (dead code).
    long module = 0x6000;
    long moduleDict = 0x6100;
    env.moduleDicts.put(module, moduleDict);
    env.keysVersions.put(moduleDict, 0xaL);
    env.entry(moduleDict, 3, 0x6200).entry(GLOBALS, 1, module);
    PassHarness h = new PassHarness(env, new PromotionPass(), new TypesPass(),
        new DeadCodePass());
    Region r = run("""
        trace
          _SET_IP 0
          _GUARD_GLOBALS_VERSION operand=0x4 exit=0
          _LOAD_GLOBAL_MODULE operand=0x1 exit=0
          _SET_IP 2
          _CHECK_ATTR_MODULE operand=0x6000 exit=1
          _GUARD_MODULE_KEYS_VERSION operand=0xa exit=1
          _LOAD_ATTR_MODULE operand=0x3 exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=2 depth=1 GUARD_FAILED
        exit 2: code=0x7 ip=4 depth=1 END_OF_REGION
        """, h);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_CONST_INLINE operand=0x6200
        _EXIT_TRACE exit=2
        """));
    assertThat(env.dependencies).containsExactly("entry 0x1000[1]", "entry 0x6100[3]");
    assertThat(h.counts).containsEntry("promoted", 2L).containsEntry("guards-removed", 3L);
  }

  @Test
  void withoutAVmToReadTheRegionStaysAsItIs() {
    Region before = org.stitchjit.api.uop.RegionText.parse("""
        trace
          _GUARD_GLOBALS_VERSION operand=0x4 exit=0
          _LOAD_GLOBAL_MODULE operand=0x2 exit=0
          _EXIT_TRACE exit=1
        exit 0: code=0x7 ip=4 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=8 depth=1 END_OF_REGION
        """);
    assertThat(new PassHarness(new PromotionPass()).run(before)).isSameAs(before);
  }
}
