package org.stitchjit.api.uop;

/** The immediate operands a uop carries besides its stack inputs. */
public enum OperandKind {
  /** A 32-bit oparg: usually the instruction's own, sometimes a cache field (see the uop). */
  OPARG,
  /** A 64-bit operand, filled from the instruction's inline cache (a type, shape, version). */
  OPERAND,
  /** The target is an index into the region's exit table. */
  EXIT,
  /** The target is a block id of a {@link BlockRegion} (branches of block regions only). */
  BLOCK
}
