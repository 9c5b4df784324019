package org.stitchjit.runtime.jit;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.jit.RegionStart;
import org.stitchjit.api.uop.Region;
import org.stitchjit.runtime.interp.CodeInfo;

/**
 * One installed region: where it is entered from, its compiled code, and the per-exit state
 * the driver keeps (how often each exit was taken, the bridge linked to it).
 */
public final class Executor {
  final int id;
  final RegionStart.Kind kind;
  final CodeInfo code;
  /** The instruction the region starts at. */
  final int startIndex;
  /** LOOP: the backward jump replaced by ENTER_EXECUTOR and its original oparg. */
  final int jumpIndex;
  final int jumpOparg;
  /** BRIDGE: the region and exit it hangs off. */
  final Executor parent;
  final int parentExit;
  final Region region;
  final CompiledRegion compiled;
  final long[] exitCounts;
  /** How often each exit was taken (statistics; exitCounts is the bridge-hotness counter). */
  final long[] exitTaken;
  final Executor[] bridges;
  /** Objects (dicts, types) whose change invalidates this region. */
  final List<Long> dependencies = new ArrayList<>();
  /** Exits of other regions the backend linked natively to this region's start. */
  final List<Link> linkedFrom = new ArrayList<>();

  /** Exit {@code exit} of {@code from}, linked natively into another region. */
  record Link(Executor from, int exit) {}
  boolean valid = true;
  /** Heap objects the region's operands embed; roots while the region is valid. */
  long[] embedded = new long[0];

  Executor(int id, RegionStart.Kind kind, CodeInfo code, int startIndex, int jumpIndex,
      int jumpOparg, Executor parent, int parentExit, Region region, CompiledRegion compiled) {
    this.id = id;
    this.kind = kind;
    this.code = code;
    this.startIndex = startIndex;
    this.jumpIndex = jumpIndex;
    this.jumpOparg = jumpOparg;
    this.parent = parent;
    this.parentExit = parentExit;
    this.region = region;
    this.compiled = compiled;
    int n = region.exits().size();
    this.exitCounts = new long[n];
    this.exitTaken = new long[n];
    this.bridges = new Executor[n];
  }

  /** The region's compiled code (for tests and tools). */
  public CompiledRegion compiled() {
    return compiled;
  }

  public Region region() {
    return region;
  }

  public RegionStart.Kind kind() {
    return kind;
  }

  /** The instruction index the region starts at. */
  public int startIndex() {
    return startIndex;
  }

  /** The qualified name of the code the region starts in. */
  public String codeName() {
    return code.qualname;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase() + " #" + id + " " + code.qualname + " @" + startIndex;
  }
}
