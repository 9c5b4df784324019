package org.stitchjit.optimizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;

/**
 * The pass {@code promotion}: globals, builtins and module attributes the trace reads become
 * constants. The pass reads their values when the region is compiled, puts them in the code
 * ({@code _LOAD_CONST_INLINE}), and records a dependency on each entry: when the entry's value
 * or its dict's keys change, the driver invalidates the region, and the region's {@code
 * _CHECK_VALIDITY} uops (one after every escaping instruction, where guest code may have made
 * the change) leave it at the next instruction boundary. The keys-version guards the loads
 * needed go with them, since the dependency covers what they checked.
 *
 * <ul>
 *   <li>{@code _GUARD_GLOBALS_VERSION v; _LOAD_GLOBAL_MODULE i} becomes {@code
 *       _LOAD_CONST_INLINE value}.
 *   <li>{@code _GUARD_GLOBALS_VERSION v; _GUARD_BUILTINS_VERSION w; _LOAD_GLOBAL_BUILTINS i}
 *       becomes {@code _LOAD_CONST_INLINE value}, depending also on the globals' keys (a new
 *       global of the same name would shadow the builtin).
 *   <li>{@code _GUARD_MODULE_KEYS_VERSION v; _LOAD_ATTR_MODULE i} on a module the preceding
 *       {@code _CHECK_ATTR_MODULE} fixed becomes {@code _POP_TOP; _LOAD_CONST_INLINE value}; the
 *       identity check stays (the {@code types} pass removes it when the module is a constant).
 * </ul>
 *
 * A load is promoted only when what its guards compare still holds at compile time (else the
 * region would exit there anyway). The globals of inlined frames are their functions'. Without
 * an {@link RegionEnvironment} (outside a VM) the region is returned as it is.
 */
public final class PromotionPass implements OptimizerPass {
  public static final String NAME = "promotion";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Region run(Region region, PassContext context) {
    if (!(region instanceof Trace trace) || context.environment().isEmpty()) {
      return region;
    }
    RegionEnvironment env = context.environment().get();
    List<UopInstr> in = trace.uops();
    List<UopInstr> out = new ArrayList<>(in.size());
    // The globals of each frame the trace is in: the root's, then inlined callees'.
    Deque<Long> globals = new ArrayDeque<>();
    globals.push(env.globals());
    long callee = 0;
    long promoted = 0;
    long guards = 0;
    for (int i = 0; i < in.size(); i++) {
      UopInstr u = in.get(i);
      switch (u.uop()) {
        case INIT_CALL_PY_EXACT_ARGS, INIT_CALL_INIT -> callee = u.operand();
        case PUSH_FRAME -> globals.push(env.functionGlobals(callee));
        case POP_FRAME -> {
          if (globals.size() == 1) {
            return region; // the trace returns out of its root frame: unknown globals
          }
          globals.pop();
        }
        case GUARD_GLOBALS_VERSION -> {
          long g = globals.peek();
          if (!env.hasKeysVersion(g, u.operand())) {
            break;
          }
          UopInstr next = at(in, i + 1);
          if (next != null && next.uop() == Uop.LOAD_GLOBAL_MODULE) {
            OptionalLong v = env.entryValue(g, (int) next.operand());
            if (v.isPresent()) {
              env.dependOnEntry(g, (int) next.operand());
              out.add(constant(v.getAsLong()));
              promoted++;
              guards++;
              i++;
              continue;
            }
          }
          UopInstr last = at(in, i + 2);
          if (next != null && next.uop() == Uop.GUARD_BUILTINS_VERSION && last != null
              && last.uop() == Uop.LOAD_GLOBAL_BUILTINS
              && env.hasKeysVersion(env.builtins(), next.operand())) {
            OptionalLong v = env.entryValue(env.builtins(), (int) last.operand());
            if (v.isPresent()) {
              env.dependOnKeys(g);
              env.dependOnEntry(env.builtins(), (int) last.operand());
              out.add(constant(v.getAsLong()));
              promoted++;
              guards += 2;
              i += 2;
              continue;
            }
          }
        }
        case GUARD_MODULE_KEYS_VERSION -> {
          UopInstr check = out.isEmpty() ? null : out.get(out.size() - 1);
          UopInstr next = at(in, i + 1);
          if (check == null || check.uop() != Uop.CHECK_ATTR_MODULE || next == null
              || next.uop() != Uop.LOAD_ATTR_MODULE) {
            break;
          }
          long dict = env.moduleDict(check.operand());
          if (!env.hasKeysVersion(dict, u.operand())) {
            break;
          }
          OptionalLong v = env.entryValue(dict, (int) next.operand());
          if (v.isPresent()) {
            env.dependOnEntry(dict, (int) next.operand());
            out.add(UopInstr.of(Uop.POP_TOP));
            out.add(constant(v.getAsLong()));
            promoted++;
            guards++;
            i++;
            continue;
          }
        }
        default -> { }
      }
      out.add(u);
    }
    if (promoted == 0) {
      return region;
    }
    context.count("promoted", promoted);
    context.count("guards-removed", guards);
    return Trace.of(out, trace.exits());
  }

  private static UopInstr at(List<UopInstr> uops, int i) {
    return i < uops.size() ? uops.get(i) : null;
  }

  private static UopInstr constant(long value) {
    return new UopInstr(Uop.LOAD_CONST_INLINE, 0, value, 0);
  }
}
