package org.stitchjit.runtime.vm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Where changes to watched objects go: a dict's keys (see {@link Dicts#WATCHED}) and a type's
 * attributes. The JIT driver registers a listener per object its compiled code depends on and
 * invalidates that code when the listener fires. Dict operations have no VM at hand, so the
 * registry is keyed by address; addresses are unique among live objects of all VMs, and a VM
 * removes its entries when it closes.
 */
public final class Watchers {
  private static final Map<Long, LongConsumer> LISTENERS = new ConcurrentHashMap<>();
  private static final Map<Long, EntryListener> ENTRY_LISTENERS = new ConcurrentHashMap<>();

  /** Hears that a watched dict's entry got a new value (its keys stayed the same). */
  @FunctionalInterface
  public interface EntryListener {
    void entryChanged(long dict, int index);
  }

  private Watchers() {}

  /** Sends changes of the object at address to listener (replacing an earlier one). */
  public static void listen(long address, LongConsumer listener) {
    LISTENERS.put(address, listener);
  }

  public static void forget(long address) {
    LISTENERS.remove(address);
    ENTRY_LISTENERS.remove(address);
  }

  /**
   * Sends value changes of a watched dict's entries to listener: what compiled code that read
   * an entry's value at compile time (a promoted global) depends on.
   */
  public static void listenToEntries(long dict, EntryListener listener) {
    ENTRY_LISTENERS.put(dict, listener);
  }

  static void entryChanged(long d, int index) {
    EntryListener l = ENTRY_LISTENERS.get(d);
    if (l != null) {
      l.entryChanged(d, index);
    }
  }

  static void dictChanged(long d) {
    LongConsumer l = LISTENERS.get(d);
    if (l != null) {
      l.accept(d);
    }
  }

  /** A type's attributes changed (its version was bumped). */
  public static void typeChanged(long type) {
    LongConsumer l = LISTENERS.get(type);
    if (l != null) {
      l.accept(type);
    }
  }
}
