package org.stitchjit.api.uop;

/**
 * One fact a guard proves: {@code slot} counts stack slots from the top before the guard runs
 * (1 = TOS, 2 = the item below it), or is {@link #NOT_ON_STACK} for facts about the frame or
 * the current call (the globals' keys version, the callee's function version).
 */
public record GuardFact(int slot, TypeFact fact) {
  public static final int NOT_ON_STACK = 0;

  public GuardFact {
    if (slot < 0) {
      throw new IllegalArgumentException("slot " + slot);
    }
    if (fact == null) {
      throw new NullPointerException("fact");
    }
  }

  @Override
  public String toString() {
    return (slot == NOT_ON_STACK ? "frame" : "stack[-" + slot + "]") + ": " + fact.displayName();
  }
}
