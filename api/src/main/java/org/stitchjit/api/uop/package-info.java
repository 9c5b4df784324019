/**
 * The uop IR: the one table of micro-ops ({@link org.stitchjit.api.uop.Uop}), the expansion of
 * every bytecode into uops ({@link org.stitchjit.api.uop.Expansions}), and the regions that
 * frontends produce and backends consume ({@link org.stitchjit.api.uop.Trace}, {@link
 * org.stitchjit.api.uop.BlockRegion}), with their text form ({@link
 * org.stitchjit.api.uop.RegionText}).
 *
 * <p>Choices made here, and why:
 *
 * <ul>
 *   <li>Uops are an enum built from one table row per uop (like CPython's {@code
 *       bytecodes.c}); flags that follow from others (EXIT from an exit operand) are derived,
 *       so the table cannot contradict itself.
 *   <li>A uop instruction has one target field: an exit index in the region's exit table
 *       (guards, slow paths, trace ends) or a block id (branches of block regions), never both.
 *       Exits carry the whole resume point, so a backend needs nothing else to leave.
 *   <li>LOAD_FAST expands to {@code _LOAD_FAST_CHECK} (exits when the local is unbound, as
 *       our 3.11-style LOAD_FAST raises); the unchecked {@code _LOAD_FAST} is emitted once a
 *       frontend or pass has proved the local bound.
 *   <li>Traces follow loop bodies: a FOR_ITER that leaves its loop, a SEND or a YIELD_VALUE
 *       ends the trace (CPython does the same); conditional branches become guards on the
 *       recorded direction; branch guards exit on non-bool values and let the interpreter
 *       test truth, unless the frontend inserts {@code _TO_BOOL}.
 *   <li>{@link org.stitchjit.api.uop.Region} is sealed so backends and passes can switch over
 *       region kinds exhaustively; a new kind is an API change, on purpose.
 * </ul>
 */
package org.stitchjit.api.uop;
