package org.stitchjit.compose;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The implementations of one SPI (frontends, backends or passes) by name: the built-ins Dagger
 * binds and the plugins {@link ServiceLoader} finds, in one name space. Built once per
 * component, so a broken or clashing plugin fails when the component first needs it, never
 * halfway through a run.
 */
final class Registry<T> {
  private final String kind;
  private final ImmutableSortedMap<String, T> byName;

  private Registry(String kind, ImmutableSortedMap<String, T> byName) {
    this.kind = kind;
    this.byName = byName;
  }

  /**
   * Merges built-ins and plugins.
   *
   * @param kind what T is called in messages ("frontend")
   * @param builtins the Dagger map; each key must equal its implementation's name
   * @param nameOf the implementation's own name
   * @param checkName throws IllegalArgumentException for a name no configuration could
   *     select, so that such a plugin is rejected where it is found rather than silently
   *     unreachable
   * @throws IllegalStateException when two implementations claim one name, naming both classes
   */
  static <T> Registry<T> load(String kind, Class<T> type, Map<String, T> builtins,
      ClassLoader plugins, Function<T, String> nameOf, Consumer<String> checkName) {
    Map<String, T> found = new TreeMap<>();
    Map<String, String> origin = new HashMap<>();
    for (Map.Entry<String, T> e : builtins.entrySet()) {
      String name = nameOf.apply(e.getValue());
      if (!e.getKey().equals(name)) {
        throw new IllegalStateException("built-in JIT " + kind + " "
            + e.getValue().getClass().getName() + " is bound as '" + e.getKey()
            + "' but calls itself '" + name + "'");
      }
      add(kind, found, origin, name, e.getValue(), "built-in", checkName);
    }
    try {
      for (T plugin : ServiceLoader.load(type, plugins)) {
        add(kind, found, origin, nameOf.apply(plugin), plugin, "plugin", checkName);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load JIT " + kind + " plugins: " + e.getMessage(),
          e);
    }
    return new Registry<>(kind, ImmutableSortedMap.copyOf(found));
  }

  private static <T> void add(String kind, Map<String, T> found, Map<String, String> origin,
      String name, T impl, String source, Consumer<String> checkName) {
    String described = impl.getClass().getName() + " (" + source + ")";
    if (name == null) {
      throw new IllegalStateException("JIT " + kind + " " + described + " has a null name");
    }
    try {
      checkName.accept(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("JIT " + kind + " " + described + " cannot be selected: "
          + e.getMessage(), e);
    }
    String previous = origin.putIfAbsent(name, described);
    if (previous != null) {
      throw new IllegalStateException("JIT " + kind + " name '" + name + "' is claimed by both "
          + previous + " and " + described);
    }
    found.put(name, impl);
  }

  /**
   * The implementation registered under name.
   *
   * @throws IllegalArgumentException naming the unknown name and the available ones
   */
  T get(String name) {
    T impl = byName.get(name);
    if (impl == null) {
      throw new IllegalArgumentException("unknown JIT " + kind + " '" + name + "' ("
          + (byName.isEmpty() ? "none registered" : "available: " + Joiner.on(", ")
          .join(byName.keySet())) + ")");
    }
    return impl;
  }

  ImmutableSortedSet<String> names() {
    return byName.keySet();
  }
}
