package org.stitchjit.api.config;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The optimizer passes a configuration runs: all registered passes in their default order,
 * none, or an explicit list run in the order given. Pass names are free strings here; the
 * composition root checks them against the passes it knows.
 */
public final class Passes {
  private static final Passes ALL = new Passes(true, ImmutableList.of());
  private static final Passes NONE = new Passes(false, ImmutableList.of());

  private final boolean all;
  private final ImmutableList<String> names;

  private Passes(boolean all, ImmutableList<String> names) {
    this.all = all;
    this.names = names;
  }

  public static Passes all() {
    return ALL;
  }

  public static Passes none() {
    return NONE;
  }

  /** Exactly these passes, in this order; an empty list is {@link #none()}. */
  public static Passes of(Iterable<String> names) {
    ImmutableList<String> list = ImmutableList.copyOf(names);
    Set<String> seen = new HashSet<>();
    for (String n : list) {
      if (!JitConfig.isName(n)) {
        throw new IllegalArgumentException("jit option passes: '" + n
            + "' is not a pass name (expected all, none or a comma list of names made of"
            + " lower-case letters, digits, '-' and '_')");
      }
      if (n.equals("all") || n.equals("none")) {
        throw new IllegalArgumentException(
            "jit option passes: '" + n + "' cannot be part of a list");
      }
      if (!seen.add(n)) {
        throw new IllegalArgumentException("jit option passes: '" + n + "' is listed twice");
      }
    }
    return list.isEmpty() ? NONE : new Passes(false, list);
  }

  public static Passes of(String... names) {
    return of(ImmutableList.copyOf(names));
  }

  /** Parses "all", "none" or a comma-separated list. */
  public static Passes parse(String value) {
    String v = value.trim();
    if (v.equals("all")) {
      return ALL;
    }
    if (v.equals("none") || v.isEmpty()) {
      return NONE;
    }
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (String part : v.split(",", -1)) {
      b.add(part.trim());
    }
    return of(b.build());
  }

  public boolean isAll() {
    return all;
  }

  public boolean isNone() {
    return !all && names.isEmpty();
  }

  /** The explicit list; empty for {@link #all()} and {@link #none()}. */
  public ImmutableList<String> names() {
    return names;
  }

  /** Whether a pass of this name runs. */
  public boolean includes(String pass) {
    return all || names.contains(pass);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Passes p && all == p.all && names.equals(p.names);
  }

  @Override
  public int hashCode() {
    return Objects.hash(all, names);
  }

  /** The option value: "all", "none" or "a,b,c". */
  @Override
  public String toString() {
    return all ? "all" : names.isEmpty() ? "none" : Joiner.on(',').join(names);
  }
}
