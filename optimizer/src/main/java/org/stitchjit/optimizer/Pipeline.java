package org.stitchjit.optimizer;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;

/**
 * The order {@code passes=all} runs the passes in. Order matters: promotion makes the
 * constants the types pass proves guards with, and is cheaper before peeling doubles the loop;
 * peeling gives the types pass a loop body whose entry state it knows; intrinsics name the
 * calls of math functions the types pass then knows run no guest code (shapes stay known
 * across them); allocation removal wants the guards that would inspect a float gone first;
 * dead code cleans up after all of them. Passes from plugins run after the built-in ones they
 * do not know, before dead code. An explicit list ({@code passes=a,b}) runs in the order
 * given.
 */
public final class Pipeline {
  /** The built-in passes in the order {@code passes=all} runs them. */
  public static final ImmutableList<String> ORDER = ImmutableList.of(
      PromotionPass.NAME, LoopPeelingPass.NAME, IntrinsicsPass.NAME, TypesPass.NAME,
      AllocationRemovalPass.NAME, DeadCodePass.NAME);

  private Pipeline() {}

  /** Compares pass names by their place in {@link #ORDER}; others by name, before dead code. */
  public static final Comparator<String> BY_ORDER =
      Comparator.<String>comparingDouble(Pipeline::rank).thenComparing(Comparator.naturalOrder());

  private static double rank(String name) {
    int i = ORDER.indexOf(name);
    return i >= 0 ? i : ORDER.indexOf(DeadCodePass.NAME) - 0.5;
  }
}
