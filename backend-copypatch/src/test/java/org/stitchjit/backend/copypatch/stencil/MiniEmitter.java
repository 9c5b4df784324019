package org.stitchjit.backend.copypatch.stencil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToLongFunction;
import org.stitchjit.platforms.exec.CodeBlob;
import org.stitchjit.platforms.exec.CodeCache;
import org.stitchjit.platforms.exec.NativeCalls;

/**
 * A miniature emitter for tests that run hand-made regions of committed stencils: {@code
 * stitch_enter}, then the region's stencils in order (each CONTINUE to the next; with {@code
 * elide}, a final jump to the next stencil is left out), then one {@code _EXIT_STUB} per exit
 * index, its OPARG the index and its OPERAND (resume index {@code 100 + index} << 32) | {@code
 * depths[index]}. Independent of the backend's Emitter on purpose: the stencils are checked
 * against the convention, not against the code that uses them.
 */
final class MiniEmitter {
  private MiniEmitter() {}

  /** One uop of a hand-made region: its stencil, oparg, operand and exit index (or -1). */
  record Op(String name, long oparg, long operand, int exit) {
    static Op of(String name) {
      return new Op(name, 0, 0, -1);
    }

    static Op oparg(String name, long oparg) {
      return new Op(name, oparg, 0, -1);
    }

    static Op operand(String name, long operand) {
      return new Op(name, 0, operand, -1);
    }

    static Op exit(String name, int exit) {
      return new Op(name, 0, 0, exit);
    }
  }

  /**
   * Lays out, patches and writes the region into the cache; returns the entry address.
   *
   * @param constants the value of each {@code _JIT_CONST_<NAME>} hole, by NAME
   */
  static long assemble(StencilLibrary library, CodeCache cache, List<Op> region, boolean elide,
      ToLongFunction<String> constants, long... depths) {
    Stencil enter = library.entryTrampoline();
    Stencil stub = library.exitStub();
    int exits = region.stream().mapToInt(Op::exit).max().orElse(-1) + 1;

    // Pass 1: offsets.
    int[] start = new int[region.size() + 1];
    int at = enter.size();
    for (int i = 0; i < region.size(); i++) {
      start[i] = at;
      Stencil s = library.get(region.get(i).name());
      at += elide && i + 1 < region.size() ? s.sizeWithoutTailJump() : s.size();
    }
    start[region.size()] = at;
    int[] stubStart = new int[exits];
    for (int e = 0; e < exits; e++) {
      stubStart[e] = at;
      at += stub.size();
    }
    // Each uop with a slow path gets an escape stub returning -2 - (its index), as the emitter's.
    Stencil escape = library.escapeStub();
    int[] escapeStart = new int[region.size()];
    for (int i = 0; i < region.size(); i++) {
      if (!library.get(region.get(i).name()).holes(HoleKind.ESCAPE).isEmpty()) {
        escapeStart[i] = at;
        at += escape.size();
      }
    }

    CodeBlob blob = cache.allocate(at);
    long base = blob.address();
    byte[] code = new byte[at];

    // Pass 2: copy and patch.
    enter.copyTo(code, 0, base, false, hole -> {
      throw new AssertionError("the trampoline has no holes");
    });
    for (int i = 0; i < region.size(); i++) {
      Op op = region.get(i);
      int next = i + 1;
      int uop = i;
      Stencil s = library.get(op.name());
      int copied =
          s.copyTo(code, start[i], base + start[i], elide && next < region.size(),
              hole -> switch (hole.kind()) {
                case OPARG -> op.oparg();
                case OPERAND -> op.operand();
                case CONTINUE -> {
                  assertThat(next).as("CONTINUE after the last uop").isLessThan(region.size());
                  yield base + start[next];
                }
                case EXIT -> {
                  assertThat(op.exit()).as(op.name() + " needs an exit").isNotNegative();
                  yield base + stubStart[op.exit()];
                }
                case JUMP_TARGET -> base + start[0];
                case RUNTIME_CONSTANT -> constants.applyAsLong(
                    hole.symbol().substring(HoleKind.CONST_PREFIX.length()));
                case ESCAPE -> base + escapeStart[uop];
                case HELPER -> throw new AssertionError("no helpers here");
              });
      assertThat(start[i] + copied).isEqualTo(start[next]);
    }
    for (int e = 0; e < exits; e++) {
      long index = e;
      long operand = ((100L + e) << 32) | depths[e];
      stub.copyTo(code, stubStart[e], base + stubStart[e], false,
          hole -> hole.kind() == HoleKind.OPARG ? index : operand);
    }
    for (int i = 0; i < region.size(); i++) {
      if (escapeStart[i] != 0) {
        long value = -2L - i;
        escape.copyTo(code, escapeStart[i], base + escapeStart[i], false, hole -> value);
      }
    }
    blob.write(code);
    return base;
  }

  /** Enters code {@link #assemble} wrote at its first uop; returns what the trampoline returns. */
  static long enter(StencilLibrary library, long entry, long frame, long sp, long ts) {
    return NativeCalls.call(entry, frame, sp, ts, entry + library.entryTrampoline().size());
  }
}
