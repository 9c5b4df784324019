package org.stitchjit.runtime.jit.reference;

import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.uop.BlockRegion;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.ExitReason;
import org.stitchjit.api.uop.OperandKind;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.RawLocals;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * Runs a {@link UopSpec}: every combination of its pools is a case, run once through the
 * reference executor on a hand-built frame and once as the Python oracle, and compared.
 */
final class SpecRunner {
  /** Exits of the sequence's uops resume at 100 + their position; the end at 200 (jump 300). */
  static final int EXIT_BASE = 100;
  static final int END_IP = 200;
  static final int JUMP_IP = 300;

  /** Cases run so far (all specs), for the summary. */
  static final java.util.concurrent.atomic.AtomicLong CASES =
      new java.util.concurrent.atomic.AtomicLong();

  private final UopHarness h;
  private final Map<UopSpec.CodeSel, CodeInfo> codes = new HashMap<>();
  private final Map<UopSpec.CodeSel, Long> functions = new HashMap<>();
  private final Map<UopSpec.CodeSel, long[]> pristine = new HashMap<>();
  private final long sentinel;

  SpecRunner(UopHarness h) {
    this.h = h;
    long harness = h.global("harness");
    codes.put(UopSpec.CodeSel.HARNESS, h.codeOfFunction(harness));
    functions.put(UopSpec.CodeSel.HARNESS, harness);
    long inner = h.p.call(h.global("cellouter"), new long[0]);
    h.vm.makeImmortal(inner);
    codes.put(UopSpec.CodeSel.CELL, h.codeOfFunction(inner));
    functions.put(UopSpec.CodeSel.CELL, inner);
    CodeInfo outer = h.codeOfFunction(h.global("classouter"));
    codes.put(UopSpec.CodeSel.CLASS_BODY, h.nestedCode(outer, "K"));
    functions.put(UopSpec.CodeSel.CLASS_BODY, 0L);
    for (var e : codes.entrySet()) {
      pristine.put(e.getKey(), UopHarness.snapshot(e.getValue()));
    }
    sentinel = h.vm.newFloat(-7.25);
    h.vm.makeImmortal(sentinel);
  }

  CodeInfo code(UopSpec.CodeSel sel) {
    return codes.get(sel);
  }

  long function(UopSpec.CodeSel sel) {
    return functions.get(sel);
  }

  /** Runs every case of spec; returns the number of cases. */
  int run(UopSpec spec) {
    List<String> names = new ArrayList<>(spec.pools.keySet());
    List<List<String>> combos = new ArrayList<>();
    product(spec, names, 0, new ArrayList<>(), combos);
    if (combos.isEmpty()) {
      throw new AssertionError(spec.title + ": no cases");
    }
    Set<String> paths = new LinkedHashSet<>();
    CASES.addAndGet(combos.size());
    for (List<String> values : combos) {
      try {
        paths.add(runCase(spec, names, values));
      } catch (PyException e) {
        throw new AssertionError(spec.title + " with " + values + ": unexpected "
            + h.excText(e), e);
      } finally {
        h.release();
      }
    }
    if (spec.checkPaths) {
      Set<String> want = new LinkedHashSet<>();
      for (int k = 0; k < spec.steps.size(); k++) {
        boolean exits = spec.steps.get(k).uop().has(OperandKind.EXIT);
        if (exits) {
          want.add("exit " + k);
        }
      }
      int b = spec.branchStep();
      want.add(b >= 0 ? "jump" : "end");
      if (b < 0 || !spec.steps.get(b).uop().is(UopFlag.TERMINATOR)) {
        want.add("end");
      }
      want.removeAll(paths);
      if (!want.isEmpty()) {
        throw new AssertionError(spec.title + ": no case took " + want + " (took " + paths
            + "); the generated inputs do not exercise every path");
      }
    }
    return combos.size();
  }

  private static void product(UopSpec spec, List<String> names, int i, List<String> acc,
      List<List<String>> out) {
    if (i == names.size()) {
      out.add(new ArrayList<>(acc));
      return;
    }
    for (String v : spec.pools.get(names.get(i))) {
      acc.add(v);
      product(spec, names, i + 1, acc, out);
      acc.remove(acc.size() - 1);
    }
  }

  private void bind(long ns, UopSpec spec, List<String> names, List<String> values) {
    for (int i = 0; i < names.size(); i++) {
      String v = values.get(i);
      if (v.equals(UopSpec.UNBOUND)) {
        h.set(ns, names.get(i), 0);
      } else {
        h.exec(names.get(i) + " = " + v + "\n", ns);
      }
    }
    if (!spec.prep.isEmpty()) {
      h.exec(spec.prep, ns);
    }
  }

  /** One case; returns the path it took ("exit k", "jump", "end", "raise"). */
  private String runCase(UopSpec spec, List<String> names, List<String> values) {
    StringBuilder caseText = new StringBuilder(spec.title).append(" with ");
    for (int i = 0; i < names.size(); i++) {
      caseText.append(names.get(i)).append('=').append(values.get(i)).append("; ");
    }
    String where = caseText.toString();
    CodeInfo ci = codes.get(spec.code);
    long nsU = h.namespace();
    long nsO = h.namespace();
    try {
      bind(nsU, spec, names, values);
      bind(nsO, spec, names, values);
    } catch (PyException e) {
      throw new AssertionError(where + ": building the values raised " + h.excText(e));
    }
    Ctx cu = new Ctx(h, nsU, ci);

    // The region: the sequence with an exit per exiting uop, then the end.
    int depth = 1 + spec.inputs.size();
    int[] exitOf = new int[spec.steps.size()];
    java.util.Arrays.fill(exitOf, -1);
    int branch = spec.branchStep();
    Region region;
    int endExit;
    int jumpExit = -1;
    long codeId = ci.code;
    int ip0 = spec.ip0.applyAsInt(cu);
    List<Exit> exits = new ArrayList<>();
    List<UopInstr> first = new ArrayList<>();
    List<UopInstr> rest = new ArrayList<>();
    first.add(UopInstr.of(Uop.SET_IP, ip0));
    int depthAtBranch = -1;
    // Which stack slots hold raw doubles (the raw results of float uops: RawLocals.rawResult),
    // for the exits' resume data, as the pass allocation-removal computes it.
    List<Boolean> raw = new ArrayList<>(java.util.Collections.nCopies(depth, false));
    for (int k = 0; k < spec.steps.size(); k++) {
      UopSpec.Step st = spec.steps.get(k);
      Uop u = st.uop();
      int oparg = u.has(OperandKind.OPARG) ? st.oparg().applyAsInt(cu) : 0;
      long operand = u.has(OperandKind.OPERAND) ? st.operand().applyAsLong(cu) : 0;
      int target = 0;
      if (u.has(OperandKind.EXIT)) {
        ImmutableSortedSet.Builder<Integer> rawSlots = ImmutableSortedSet.naturalOrder();
        for (int slot = 0; slot < raw.size(); slot++) {
          if (raw.get(slot)) {
            rawSlots.add(slot);
          }
        }
        exits.add(new Exit(codeId, EXIT_BASE + k, depth + spec.exitDelta.getOrDefault(k, 0),
            u.is(UopFlag.GUARD) ? ExitReason.GUARD_FAILED : ExitReason.SLOW_PATH,
            rawSlots.build()));
        target = exits.size() - 1;
        exitOf[k] = target;
      }
      if (u.has(OperandKind.BLOCK)) {
        target = 2;
        depthAtBranch = depth;
      }
      UopInstr in = new UopInstr(u, oparg, operand, target);
      (branch >= 0 && k > branch ? rest : first).add(in);
      int popped = u.is(UopFlag.GUARD) ? u.inputs(oparg) - u.outputs(oparg) : u.inputs(oparg);
      for (int p = 0; p < popped && !raw.isEmpty(); p++) {
        raw.remove(raw.size() - 1);
      }
      for (int p = u.is(UopFlag.GUARD) ? 0 : u.outputs(oparg); p > 0; p--) {
        raw.add(p == 1 && RawLocals.rawResult(u, oparg));
      }
      depth += u.stackEffect(oparg);
    }
    exits.add(new Exit(codeId, END_IP, depth, ExitReason.END_OF_REGION));
    endExit = exits.size() - 1;
    if (branch < 0) {
      Trace.Builder tb = Trace.builder();
      for (Exit e : exits) {
        tb.addExit(e);
      }
      first.forEach(tb::add);
      tb.add(UopInstr.withExit(Uop.EXIT_TRACE, endExit));
      region = tb.build();
    } else {
      exits.add(new Exit(codeId, JUMP_IP, depthAtBranch + spec.jumpEffect,
          ExitReason.BRANCH));
      jumpExit = exits.size() - 1;
      BlockRegion.Builder bb = BlockRegion.builder();
      int b0 = bb.newBlock();
      int bf = bb.newBlock();
      int bj = bb.newBlock();
      for (Exit e : exits) {
        bb.addExit(e);
      }
      first.forEach(in -> bb.add(b0, in));
      if (!spec.steps.get(branch).uop().is(UopFlag.TERMINATOR)) {
        bb.fallThrough(b0, bf);
      }
      rest.forEach(in -> bb.add(bf, in));
      bb.add(bf, UopInstr.withExit(Uop.EXIT_TRACE, endExit));
      bb.add(bj, UopInstr.withExit(Uop.EXIT_TRACE, jumpExit));
      bb.entry(b0);
      region = bb.build();
    }
    CompiledRegion compiled = h.compileRegion(region);

    // The frame, the run, and what the frame holds afterwards.
    long[] saved = h.saveThreadState();
    long[] before;
    long[] after;
    int exit = Integer.MIN_VALUE;
    String raised = null;
    int ipAfter;
    long frame = 0;
    try {
      long fl = spec.frameLocals == null ? 0 : h.get(nsU, spec.frameLocals);
      if (fl == h.vm.none) {
        fl = 0;
      }
      frame = h.pushFrame(ci, function(spec.code), nsU, fl);
      cu.frame = frame;
      for (int i = 0; i < spec.locals.size(); i++) {
        UopHarness.setLocal(frame, i, h.get(nsU, spec.locals.get(i)));
      }
      for (int i = 0; i < spec.cells.size(); i++) {
        UopHarness.setLocal(frame, ci.nlocals + i, h.cell(h.get(nsU, spec.cells.get(i))));
      }
      long[] words = new long[1 + spec.inputs.size()];
      words[0] = sentinel;
      for (int i = 0; i < spec.inputs.size(); i++) {
        String n = spec.inputs.get(i);
        words[i + 1] = n.equals("NULL") ? 0 : h.get(nsU, n);
        if (words[i + 1] == 0 && !n.equals("NULL")) {
          throw new AssertionError(where + ": input " + n + " is unbound");
        }
      }
      UopHarness.setStack(frame, ci, words);
      if (spec.mutate != null) {
        h.exec(spec.mutate, nsU);
      }
      if (spec.before != null) {
        spec.before.accept(cu, compiled);
      }
      before = UopHarness.stack(frame, ci);
      try {
        exit = h.enter(compiled, frame);
      } catch (PyException e) {
        raised = h.excText(e);
      } catch (org.stitchjit.runtime.text.FormatError e) {
        // What the interpreter's loop does with one (compiled code runs inside it).
        raised = h.excText(h.p.toGuest(e));
      } catch (RuntimeException e) {
        throw new AssertionError(where + ": the reference executor failed on\n" + region, e);
      }
      after = UopHarness.stack(frame, ci);
      ipAfter = UopHarness.ip(frame);
      // The oracle runs guest code, so the collector may run before the outputs are observed:
      // the namespace keeps them alive (the frame they were in is gone by then).
      for (int i = 1; i < after.length; i++) {
        if (after[i] != 0) {
          h.set(nsU, "_after" + i, after[i]);
        }
      }
      for (int i = 0; i < spec.locals.size(); i++) {
        h.set(nsU, spec.locals.get(i), UopHarness.local(frame, i));
      }
      for (int i = 0; i < spec.cells.size(); i++) {
        h.set(nsU, spec.cells.get(i),
            Mem.getLong(UopHarness.local(frame, ci.nlocals + i) + Layout.Cell.CONTENTS));
      }
      if (spec.check != null && raised == null) {
        spec.check.accept(cu, new Ctx.Run(exit, before, after, null, frame));
      }
    } finally {
      h.restoreThreadState(saved);
      for (var e : codes.entrySet()) {
        UopHarness.restore(e.getValue(), pristine.get(e.getKey()));
      }
    }

    // The oracle.
    StringBuilder o = new StringBuilder();
    if (spec.mutate != null) {
      o.append(spec.mutate).append('\n');
    }
    o.append("try:\n");
    for (String line : spec.oracle.split("\n")) {
      o.append("    ").append(line).append('\n');
    }
    o.append("except Exception as _e:\n");
    o.append("    _raised = type(_e).__name__ + ': ' + str(_e)\n");
    try {
      h.exec(o.toString(), nsO);
    } catch (PyException e) {
      throw new AssertionError(where + ": the oracle itself failed: " + h.excText(e));
    }
    long oRaised = h.get(nsO, "_raised");
    String expectRaise = oRaised == 0 ? null
        : h.text(oRaised).replaceAll("0x[0-9a-f]+", "0x?");
    long oExit = h.get(nsO, "exit");
    long oJump = h.get(nsO, "jump");
    long oOut = h.get(nsO, "out");
    long oAlt = h.get(nsO, "alt");
    String detail = "\n  case: " + where + "\n  region:\n" + region;

    // Observations (each namespace in one session: iterators are consumed once).
    Map<Long, String> memoU = new HashMap<>();
    Map<Long, String> memoO = new HashMap<>();
    List<String> bound = new ArrayList<>(spec.pools.keySet());
    for (String n : spec.locals) {
      if (!bound.contains(n)) {
        bound.add(n);
      }
    }
    bound.addAll(spec.cells);
    bound.addAll(spec.observed);

    String path;
    if (expectRaise != null) {
      if (!expectRaise.equals(raised)) {
        throw new AssertionError("expected the uops to raise " + expectRaise + " but "
            + (raised == null ? "they left through exit " + exit : "they raised " + raised)
            + detail);
      }
      path = "raise";
    } else {
      if (raised != null) {
        throw new AssertionError("the uops raised " + raised + " where the oracle did not"
            + detail);
      }
      int want;
      if (oExit != 0) {
        int k = (int) (oExit >> 1);
        want = exitOf[k];
        path = "exit " + k;
        if (want < 0) {
          throw new AssertionError("oracle names exit " + k + " of a uop without one");
        }
      } else if (oJump == h.vm.trueObj) {
        want = jumpExit;
        path = "jump";
      } else {
        want = endExit;
        path = "end";
      }
      if (exit != want) {
        throw new AssertionError("expected exit " + want + " (" + path + ") but left through "
            + (exit == -1 ? "RESUME_AT_FRAME" : "exit " + exit) + detail
            + "\n  stack before: " + show(before, memoU) + "\n  after: " + show(after, memoU));
      }
      if (ipAfter != exits.get(exit).bytecodeIndex()) {
        throw new AssertionError("exit " + exit + " left IP " + ipAfter + detail);
      }
      if (oExit != 0 && oOut == 0) {
        if (!java.util.Arrays.equals(before, after)) {
          throw new AssertionError("exit " + exit + " changed the stack: " + show(before, memoU)
              + " -> " + show(after, memoU) + detail);
        }
      } else {
        if (after.length == 0 || after[0] != sentinel) {
          throw new AssertionError("the word below the inputs changed" + detail);
        }
        List<String> got = new ArrayList<>();
        for (int i = 1; i < after.length; i++) {
          got.add(observeOutput(after[i], nsU, bound, memoU));
        }
        List<String> expect = outputs(oOut, nsO, bound, memoO);
        List<String> alt = oAlt == 0 ? null : outputs(oAlt, nsO, bound, memoO);
        if (!got.equals(expect) && (alt == null || !got.equals(alt))) {
          throw new AssertionError("stack outputs differ:\n  uops:   " + got
              + "\n  oracle: " + expect + (alt == null ? "" : "\n  or:     " + alt) + detail);
        }
      }
    }
    for (String n : bound) {
      String u = h.observe(h.get(nsU, n), memoU);
      String e = h.observe(h.get(nsO, n), memoO);
      if (!u.equals(e)) {
        throw new AssertionError("after the uops " + n + " is " + u + " but the oracle has "
            + e + detail);
      }
    }
    for (int i = 0; i < spec.observedExprs.size(); i++) {
      String src = "_obs = " + spec.observedExprs.get(i) + "\n";
      h.exec(src, nsU);
      h.exec(src, nsO);
      String u = h.observe(h.get(nsU, "_obs"), memoU);
      String e = h.observe(h.get(nsO, "_obs"), memoO);
      if (!u.equals(e)) {
        throw new AssertionError("afterwards " + spec.observedExprs.get(i) + " is " + u
            + " but the oracle has " + e + detail);
      }
    }
    return path;
  }

  private List<String> outputs(long list, long ns, List<String> bound, Map<Long, String> memo) {
    List<String> r = new ArrayList<>();
    if (list == 0) {
      return r;
    }
    for (int i = 0; i < VM.listLen(list); i++) {
      r.add(observeOutput(VM.listGet(list, i), ns, bound, memo));
    }
    return r;
  }

  /** An output's observation, noting which bound name (if any) it is identical to. */
  private String observeOutput(long v, long ns, List<String> bound, Map<Long, String> memo) {
    String s = h.observe(v, memo);
    // Identity of strs is not part of their meaning (concatenation may or may not copy).
    if (v != 0 && v != h.nullSentinel && h.vm.typeOf(v) != h.vm.strType) {
      for (String n : bound) {
        if (h.get(ns, n) == v) {
          return s + " is " + n;
        }
      }
    }
    return s;
  }

  private String show(long[] words, Map<Long, String> memo) {
    List<String> l = new ArrayList<>();
    for (long w : words) {
      l.add(w == sentinel ? "<sentinel>" : w == 0 ? "<NULL>" : h.repr(w));
    }
    return l.toString();
  }
}
