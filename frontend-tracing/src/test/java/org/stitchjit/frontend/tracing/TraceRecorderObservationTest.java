package org.stitchjit.frontend.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.jit.CodeView;
import org.stitchjit.api.jit.Recorder;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.jit.RegionEnvironment.Specialization;
import org.stitchjit.api.jit.RegionStart;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;

/**
 * How the recorder records attribute instructions when the VM lets it observe their receivers:
 * in the specialized form observed, whatever form the code holds, and generically when there
 * is nothing to observe. The loop is {@code while True: x = o.attr} by hand: LOAD_FAST 0 at 0,
 * the attribute instruction at 1 (three or four cache units), STORE_FAST 1, JUMP_BACKWARD 0.
 */
class TraceRecorderObservationTest {
  static final long FRAME = 0x7000;
  static final long TYPE = 0x1100;
  static final long SHAPE = 0x2200;
  static final long SLOT = (2L << 32) | 24;
  static final long METHOD = 0x3300;

  /** A code object whose instruction and caches at index 1 the test may rewrite. */
  static final class Code implements CodeView {
    final long[] units;

    Code(Opcode attrOp, long... cache) {
      int n = attrOp.cacheUnits;
      units = new long[1 + 1 + n + 1 + 2];
      units[0] = Opcode.encode(Opcode.LOAD_FAST, 0);
      units[1] = Opcode.encode(attrOp, 0);
      System.arraycopy(cache, 0, units, 2, cache.length);
      units[2 + n] = Opcode.encode(Opcode.STORE_FAST, 1);
      units[3 + n] = Opcode.encode(Opcode.JUMP_BACKWARD, 0);
    }

    int storeIndex() {
      return units.length - 3;
    }

    int jumpIndex() {
      return units.length - 2;
    }

    @Override
    public long id() {
      return 0x9000;
    }

    @Override
    public String qualifiedName() {
      return "f";
    }

    @Override
    public String filename() {
      return "t.py";
    }

    @Override
    public int length() {
      return units.length;
    }

    @Override
    public int jumpTarget(int index) {
      return Opcode.opargOf(units[index]);
    }

    @Override
    public int handlerAt(int index) {
      return -1;
    }

    @Override
    public Opcode opcode(int index) {
      return Opcode.of((int) (units[index] & 0xFF));
    }

    @Override
    public int oparg(int index) {
      return (int) (units[index] >> 32);
    }

    @Override
    public long cache(int index, int n) {
      return units[index + 1 + n];
    }

    @Override
    public int line(int index) {
      return 1;
    }

    @Override
    public int argCount() {
      return 0;
    }
  }

  /** An environment that observes the given specialization (or none) at index 1 only. */
  static RegionEnvironment observing(Specialization s) {
    return (RegionEnvironment) Proxy.newProxyInstance(RegionEnvironment.class.getClassLoader(),
        new Class<?>[] {RegionEnvironment.class}, (proxy, method, args) -> {
          if (method.getName().equals("observeAttribute")) {
            assertThat(args[1]).isEqualTo(1);
            assertThat(args[2]).isEqualTo(FRAME);
            assertThat(args[3]).isEqualTo(1);
            return Optional.ofNullable(s);
          }
          if (method.getName().equals("observeAttributeValue")) {
            // The receiver's attribute holds a float: the load says so (Uop.FLOAT_SEEN).
            assertThat(args[0]).isEqualTo(FRAME);
            assertThat(args[1]).isEqualTo(1);
            return Uop.FLOAT_SEEN;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  /**
   * Records one iteration; between reporting the attribute instruction and the next one,
   * {@code executing} plays what running it does to the code (a re-specialization).
   */
  static Region record(Code code, RegionEnvironment env, Runnable executing) {
    TraceRecorder r = new TraceRecorder(
        new RegionStart(RegionStart.Kind.LOOP, code, 0, FRAME, 0, 0, env), 100);
    assertThat(r.record(code, 0, FRAME, 0, 0)).isEqualTo(Recorder.Step.CONTINUE);
    assertThat(r.record(code, 1, FRAME, 0, 1)).isEqualTo(Recorder.Step.CONTINUE);
    executing.run();
    assertThat(r.record(code, code.storeIndex(), FRAME, 0, 1))
        .isEqualTo(Recorder.Step.CONTINUE);
    assertThat(r.record(code, code.jumpIndex(), FRAME, 0, 0))
        .isEqualTo(Recorder.Step.CONTINUE);
    assertThat(r.record(code, 0, FRAME, 0, 0)).isEqualTo(Recorder.Step.DONE);
    return r.region().orElseThrow();
  }

  /** The uops of the attribute instruction: those between the first two _SET_IPs after 0. */
  static List<String> attributeUops(Region region) {
    List<UopInstr> all = region.allUops();
    int from = -1;
    int to = all.size();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).uop() == Uop.SET_IP && all.get(i).oparg() == 1) {
        from = i + 1;
      } else if (from >= 0 && all.get(i).uop() == Uop.SET_IP) {
        to = i;
        break;
      }
    }
    return all.subList(from, to).stream()
        .map(in -> in.uop().uopName() + (in.uop().has(org.stitchjit.api.uop.OperandKind.OPARG)
            ? " " + in.oparg() : "")
            + (in.uop().has(org.stitchjit.api.uop.OperandKind.OPERAND)
            ? " 0x" + Long.toHexString(in.operand()) : ""))
        .collect(Collectors.toList());
  }

  @Test
  void aGenericLoadIsRecordedInTheFormObservedForItsReceiver() {
    Code code = new Code(Opcode.LOAD_ATTR);
    Region region = record(code, observing(new Specialization(Opcode.LOAD_ATTR_INSTANCE,
        new long[] {TYPE, SHAPE, SLOT})), () -> { });
    assertThat(attributeUops(region)).containsExactly("_GUARD_TYPE 0x1100",
        "_GUARD_SHAPE 24 0x2200", "_LOAD_ATTR_SLOT 1 0x" + Long.toHexString(SLOT));
    // The guards leave where the interpreter redoes the load, with the receiver still pushed.
    UopInstr guard = region.allUops().stream().filter(in -> in.uop() == Uop.GUARD_TYPE)
        .findFirst().orElseThrow();
    assertThat(region.exits().get(guard.target()).bytecodeIndex()).isEqualTo(1);
    assertThat(region.exits().get(guard.target()).stackDepth()).isEqualTo(1);
  }

  @Test
  void aGenericMethodLoadIsRecordedInTheObservedMethodForm() {
    Code code = new Code(Opcode.LOAD_METHOD);
    // A receiver without attributes of its own: no shape to guard.
    Region region = record(code, observing(new Specialization(Opcode.LOAD_METHOD_CLASS,
        new long[] {TYPE, 7, 0, METHOD})), () -> { });
    assertThat(attributeUops(region)).containsExactly("_GUARD_TYPE 0x1100",
        "_GUARD_TYPE_VERSION 0x7", "_LOAD_METHOD_CONST 0x3300");
  }

  @Test
  void withNothingObservedAGenericInstructionStaysGeneric() {
    Code code = new Code(Opcode.LOAD_ATTR);
    // The escape, and the validity check every instruction after an escape starts with.
    assertThat(attributeUops(record(code, observing(null), () -> { })))
        .containsExactly("_LOAD_ATTR 0", "_CHECK_VALIDITY 0x0");
    // Outside a VM there is no environment at all.
    assertThat(attributeUops(record(code, null, () -> { })))
        .containsExactly("_LOAD_ATTR 0", "_CHECK_VALIDITY 0x0");
  }

  @Test
  void anObservedSiteThatReSpecializesWhileRecordedDoesNotEndTheTrace() {
    // The code holds a form cached for another receiver: it misses and re-specializes as it
    // runs, which ends a trace that recorded the cached form; the observed one is what ran.
    Code code = new Code(Opcode.LOAD_ATTR_INSTANCE, 0x1234, 0x5678, 16);
    Region region = record(code, observing(new Specialization(Opcode.LOAD_ATTR_INSTANCE,
        new long[] {TYPE, SHAPE, SLOT})), () -> {
          code.units[2] = TYPE;
          code.units[3] = SHAPE;
          code.units[4] = SLOT;
        });
    assertThat(attributeUops(region)).containsExactly("_GUARD_TYPE 0x1100",
        "_GUARD_SHAPE 24 0x2200", "_LOAD_ATTR_SLOT 1 0x" + Long.toHexString(SLOT));
    assertThat(region.allUops().get(region.allUops().size() - 1).uop())
        .isEqualTo(Uop.JUMP_TO_TOP);
  }

  @Test
  void anObservedStoreTakesTheShapeTransitionFromTheObservation() {
    Code code = new Code(Opcode.STORE_ATTR);
    long newShape = 0x2300;
    Region region = record(code, observing(new Specialization(Opcode.STORE_ATTR_INSTANCE,
        new long[] {TYPE, SHAPE, newShape, SLOT})), () -> { });
    assertThat(attributeUops(region)).containsExactly("_GUARD_TYPE 0x1100",
        "_GUARD_SHAPE 24 0x2200", "_STORE_ATTR_SLOT 2 0x2300");
  }
}
