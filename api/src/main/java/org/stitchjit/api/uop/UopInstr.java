package org.stitchjit.api.uop;

import java.util.Objects;

/**
 * One uop in a region with its immediates. Fields the uop does not use must be zero, so two
 * instructions are equal exactly when they print the same in {@link RegionText}.
 *
 * @param oparg the 32-bit oparg (when the uop has {@link OperandKind#OPARG})
 * @param operand the 64-bit operand (when the uop has {@link OperandKind#OPERAND})
 * @param target an exit index ({@link OperandKind#EXIT}) or a block id ({@link
 *     OperandKind#BLOCK})
 */
public record UopInstr(Uop uop, int oparg, long operand, int target) {

  public UopInstr {
    Objects.requireNonNull(uop, "uop");
    if (!uop.has(OperandKind.OPARG) && oparg != 0) {
      throw new IllegalArgumentException(uop.uopName() + " takes no oparg (got " + oparg + ")");
    }
    if (!uop.has(OperandKind.OPERAND) && operand != 0) {
      throw new IllegalArgumentException(uop.uopName() + " takes no operand");
    }
    if (!uop.hasTarget() && target != 0) {
      throw new IllegalArgumentException(uop.uopName() + " takes no target");
    }
    if (target < 0) {
      throw new IllegalArgumentException(uop.uopName() + ": negative target " + target);
    }
  }

  /** A uop without immediates. */
  public static UopInstr of(Uop uop) {
    return new UopInstr(uop, 0, 0, 0);
  }

  public static UopInstr of(Uop uop, int oparg) {
    return new UopInstr(uop, oparg, 0, 0);
  }

  /** A uop whose only immediate that matters is its exit (a guard, {@code _EXIT_TRACE}). */
  public static UopInstr withExit(Uop uop, int exit) {
    return new UopInstr(uop, 0, 0, exit);
  }

  public UopInstr withOparg(int newOparg) {
    return new UopInstr(uop, newOparg, operand, target);
  }

  public UopInstr withOperand(long newOperand) {
    return new UopInstr(uop, oparg, newOperand, target);
  }

  public UopInstr withTarget(int newTarget) {
    return new UopInstr(uop, oparg, operand, newTarget);
  }

  @Override
  public String toString() {
    return RegionText.format(this);
  }
}
