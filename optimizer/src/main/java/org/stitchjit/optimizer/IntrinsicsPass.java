package org.stitchjit.optimizer;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;

/**
 * The pass {@code intrinsics}: a call of a built-in function the backends implement natively
 * becomes that function's own uop ({@code _CALL_BUILTIN 1} of {@code len} becomes {@code
 * _CALL_LEN}, of {@code math.sin} {@code _CALL_MATH_SIN}), as CPython specializes {@code
 * CALL_LEN}; so does a call of the type {@code
 * range} with one or two arguments ({@code _CALL_RANGE}), of the types {@code int}, {@code
 * float} and {@code tuple} with one ({@code _CALL_INT}, {@code _CALL_FLOAT}, {@code
 * _CALL_TUPLE}), and of the list methods {@code append}
 * and {@code pop} on their receivers, as CPython's {@code CALL_LIST_APPEND}. The new uop means
 * exactly the call it
 * replaces: it only adds a native path for the arguments it knows (an exact list for {@code
 * len}), and takes the generic call for the rest. The callee is the call's operand, which the
 * {@code _CHECK_CALLABLE} before it (or the types pass's proof) guarantees.
 */
public final class IntrinsicsPass implements OptimizerPass {
  public static final String NAME = "intrinsics";

  /**
   * Built-in functions and methods by qualified name, and the uop that calls each with one
   * argument (for a method: besides its receiver).
   */
  private static final ImmutableMap<String, Uop> ONE_ARGUMENT = ImmutableMap.of(
      "len", Uop.CALL_LEN, "abs", Uop.CALL_ABS, "math.sqrt", Uop.CALL_MATH_SQRT,
      "math.floor", Uop.CALL_MATH_FLOOR, "math.sin", Uop.CALL_MATH_SIN,
      "math.cos", Uop.CALL_MATH_COS, "list.append", Uop.CALL_LIST_APPEND);

  /** Built-in methods called with no argument besides their receiver. */
  private static final ImmutableMap<String, Uop> NO_ARGUMENT =
      ImmutableMap.of("list.pop", Uop.CALL_LIST_POP);

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
    List<UopInstr> out = new ArrayList<>(trace.uops());
    long replaced = 0;
    long range = env.runtimeConstant(RegionEnvironment.RANGE_TYPE);
    long intType = env.runtimeConstant(RegionEnvironment.INT_TYPE);
    long tupleType = env.runtimeConstant(RegionEnvironment.TUPLE_TYPE);
    long floatType = env.runtimeConstant(RegionEnvironment.FLOAT_TYPE);
    for (int i = 0; i < out.size(); i++) {
      UopInstr u = out.get(i);
      if (u.uop() != Uop.CALL_BUILTIN) {
        continue;
      }
      Uop intrinsic;
      if (u.operand() == range) {
        intrinsic = u.oparg() == 1 || u.oparg() == 2 ? Uop.CALL_RANGE : null;
      } else if (u.operand() == intType) {
        intrinsic = u.oparg() == 1 ? Uop.CALL_INT : null;
      } else if (u.operand() == tupleType) {
        intrinsic = u.oparg() == 1 ? Uop.CALL_TUPLE : null;
      } else if (u.operand() == floatType) {
        intrinsic = u.oparg() == 1 ? Uop.CALL_FLOAT : null;
      } else {
        String name = u.oparg() <= 1 ? env.builtinName(u.operand()) : null;
        intrinsic = name == null ? null
            : (u.oparg() == 1 ? ONE_ARGUMENT : NO_ARGUMENT).get(name);
      }
      if (intrinsic != null) {
        out.set(i, new UopInstr(intrinsic, u.oparg(), u.operand(), 0));
        replaced++;
      }
    }
    if (replaced == 0) {
      return region;
    }
    context.count("calls-replaced", replaced);
    return Trace.of(out, trace.exits());
  }
}
