package org.stitchjit.runtime.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.stitchjit.api.bytecode.Opcode;

/**
 * Checks emitted code independently of the compiler's own bookkeeping: instruction encoding,
 * zeroed cache units, jump targets on instruction starts, a well-formed exception table, line
 * numbers for every unit, and, by walking every path (normal flow, both outcomes of each jump,
 * and every exception edge), that the stack never underflows, that depths agree where paths
 * meet and that no path goes deeper than the declared stacksize.
 */
final class CodeChecker {
  private CodeChecker() {}

  /** Problems found in code and (recursively) its nested code units; empty when sound. */
  static List<String> check(CodeUnit code) {
    List<String> problems = new ArrayList<>();
    checkOne(code, problems);
    for (Object c : code.consts()) {
      if (c instanceof CodeUnit nested) {
        problems.addAll(check(nested));
      }
    }
    return problems;
  }

  private static void checkOne(CodeUnit code, List<String> problems) {
    String where = code.qualname() + ": ";
    long[] units = code.code();
    if (code.lines().length != units.length) {
      problems.add(where + "lines and code differ in length");
      return;
    }
    TreeSet<Integer> starts = new TreeSet<>();
    for (int pc = 0; pc < units.length; ) {
      int opcode = Opcode.opcodeOf(units[pc]);
      if (opcode >= Opcode.values().length) {
        problems.add(where + "bad opcode at " + pc);
        return;
      }
      Opcode op = Opcode.of(opcode);
      if (op.isSpecialized()) {
        problems.add(where + "specialized opcode emitted at " + pc);
      }
      if ((units[pc] & 0xFFFFFF00L) != 0) {
        problems.add(where + "junk between opcode and oparg at " + pc);
      }
      starts.add(pc);
      for (int k = 1; k <= op.cacheUnits; k++) {
        if (pc + k >= units.length || units[pc + k] != 0) {
          problems.add(where + "cache unit not zero after " + op + " at " + pc);
        }
      }
      pc += op.size();
    }
    for (int pc = 0; pc < units.length; pc++) {
      if (code.lines()[pc] < 1) {
        problems.add(where + "no line number at " + pc);
      }
    }
    if (units.length == 0) {
      problems.add(where + "empty code");
      return;
    }
    Opcode lastOp = Opcode.of(Opcode.opcodeOf(units[starts.last()]));
    if (!lastOp.isTerminator()) {
      problems.add(where + "code falls off its end");
    }
    int prevEnd = 0;
    for (CodeUnit.ExceptionEntry e : code.exceptionTable()) {
      if (e.start() >= e.end() || e.start() < prevEnd || e.end() > units.length) {
        problems.add(where + "bad exception range " + e);
      }
      if (!starts.contains(e.start()) || !(starts.contains(e.end()) || e.end() == units.length)
          || !starts.contains(e.target()) || e.depth() < 0) {
        problems.add(where + "exception entry off instruction boundaries " + e);
      }
      prevEnd = e.end();
    }
    Map<Integer, Integer> depthAt = new HashMap<>();
    Deque<Integer> work = new ArrayDeque<>();
    int max = 0;
    depthAt.put(0, 0);
    work.push(0);
    while (!work.isEmpty()) {
      int pc = work.pop();
      int depth = depthAt.get(pc);
      Opcode op = Opcode.of(Opcode.opcodeOf(units[pc]));
      int arg = Opcode.opargOf(units[pc]);
      for (CodeUnit.ExceptionEntry e : code.exceptionTable()) {
        if (e.start() <= pc && pc < e.end()) {
          if (e.depth() > depth) {
            problems.add(where + "handler depth " + e.depth() + " above stack depth " + depth
                + " at " + pc);
          }
          int hd = e.depth() + (e.pushLasti() ? 1 : 0) + 1;
          max = Math.max(max, hd);
          flow(where, depthAt, work, e.target(), hd, problems);
        }
      }
      int after = depth + op.stackEffect(arg, false);
      if (after < 0) {
        problems.add(where + "stack underflow at " + pc + " " + op);
        continue;
      }
      max = Math.max(max, after);
      if (op.isJump()) {
        if (!starts.contains(arg)) {
          problems.add(where + "jump into the middle of an instruction at " + pc);
          continue;
        }
        int taken = depth + op.stackEffect(arg, true);
        max = Math.max(max, taken);
        flow(where, depthAt, work, arg, taken, problems);
      }
      if (!op.isTerminator()) {
        int next = pc + op.size();
        if (next >= units.length) {
          problems.add(where + "falls off the end after " + pc);
        } else {
          flow(where, depthAt, work, next, after, problems);
        }
      }
    }
    // Not equality: like CPython, the compiler also counts handlers whose protected range
    // ended up empty, which no path reaches.
    if (max > code.stacksize()) {
      problems.add(where + "stacksize " + code.stacksize() + " but paths reach " + max);
    }
  }

  private static void flow(String where, Map<Integer, Integer> depthAt, Deque<Integer> work,
      int pc, int depth, List<String> problems) {
    Integer old = depthAt.get(pc);
    if (old == null) {
      depthAt.put(pc, depth);
      work.push(pc);
    } else if (old != depth) {
      problems.add(where + "paths meet at " + pc + " with depths " + old + " and " + depth);
    }
  }
}
