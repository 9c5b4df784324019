package org.stitchjit.runtime.interp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.compiler.CodeUnit;
import org.stitchjit.runtime.compiler.Compiler;
import org.stitchjit.runtime.parser.GuestSyntaxError;
import org.stitchjit.runtime.parser.Parser;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * The import system: built-in modules written in Java, the small standard library written in
 * Python (bundled as resources), and the main script's directory with packages.
 */
public final class Importer {
  private static final String LIB = "/org/stitchjit/runtime/lib/";

  private final VM vm;
  private final Protocols p;
  private Path searchRoot = Path.of(".");
  /** Directories of loaded packages, by module name. */
  private final Map<String, Path> packagePaths = new HashMap<>();

  Importer(VM vm, Protocols p) {
    this.vm = vm;
    this.p = p;
    vm.defineBuiltin("__import__", (args, n, kw) -> {
      long name = Mem.getLong(args);
      long fromlist = n > 3 ? Mem.getLong(args + 24) : vm.none;
      long level = n > 4 ? Mem.getLong(args + 32) : org.stitchjit.api.layout.Tag.fromInt(0);
      long frame = Mem.getLong(vm.ts + Layout.ThreadState.CURRENT_FRAME);
      return importName(frame, vm.str(name), fromlist, level);
    });
  }

  public void setSearchRoot(Path root) {
    this.searchRoot = root;
  }

  /** Parses and compiles a file's source into a loaded code object. */
  public CodeInfo compile(String source, String filename) throws GuestSyntaxError {
    p.exceptions.registerSource(filename, source);
    CodeUnit unit = Compiler.compile(Parser.parse(source, filename), filename, source);
    return CodeInfo.load(vm, unit);
  }

  long importName(long frame, String name, long fromlist, long levelObj) {
    int level = (int) vm.toLong(levelObj);
    String full = name;
    if (level > 0) {
      full = resolveRelative(frame, name, level);
    }
    if (full.isEmpty()) {
      throw vm.raise(vm.importError, "Empty module name");
    }
    String[] parts = full.split("\\.");
    long top = 0;
    long module = 0;
    String prefix = "";
    for (int i = 0; i < parts.length; i++) {
      prefix = i == 0 ? parts[0] : prefix + "." + parts[i];
      long parent = module;
      module = load(prefix, parent);
      if (i == 0) {
        top = module;
      }
    }
    boolean hasFromlist = fromlist != vm.none && fromlist != 0
        && (!vm.isTuple(fromlist) || VM.tupleLen(fromlist) > 0);
    if (hasFromlist || level > 0 && name.isEmpty()) {
      return module;
    }
    if (level > 0) {
      return module;
    }
    return top;
  }

  private String resolveRelative(long frame, String name, int level) {
    long globals = Mem.getLong(frame + Frame.GLOBALS);
    long pkg = Dicts.getItemStr(vm, globals, vm.intern("__package__"));
    String base;
    if (pkg != 0 && vm.isStr(pkg)) {
      base = vm.str(pkg);
    } else {
      long modName = Dicts.getItemStr(vm, globals, vm.intern("__name__"));
      base = modName == 0 ? "" : vm.str(modName);
      if (!packagePaths.containsKey(base)) {
        int dot = base.lastIndexOf('.');
        base = dot < 0 ? "" : base.substring(0, dot);
      }
    }
    if (base.isEmpty()) {
      throw vm.raise(vm.importError, "attempted relative import with no known parent package");
    }
    for (int i = 1; i < level; i++) {
      int dot = base.lastIndexOf('.');
      if (dot < 0) {
        throw vm.raise(vm.importError, "attempted relative import beyond top-level package");
      }
      base = base.substring(0, dot);
    }
    return name.isEmpty() ? base : base + "." + name;
  }

  /** The module named full (loading it if needed); parent is its package or NULL. */
  private long load(String full, long parent) {
    long key = vm.intern(full);
    long existing = Dicts.getItemStr(vm, vm.modules, key);
    if (existing != 0) {
      return existing;
    }
    int dot = full.lastIndexOf('.');
    String leaf = dot < 0 ? full : full.substring(dot + 1);
    long module;
    LongConsumer nativeInit = dot < 0 ? vm.nativeModule(full) : null;
    if (nativeInit != null) {
      module = vm.newModule(full);
      Dicts.setItemStr(vm, vm.modules, key, module);
      nativeInit.accept(Mem.getLong(module + Layout.Module.DICT));
    } else {
      Path dir = dot < 0 ? searchRoot : packagePaths.get(full.substring(0, dot));
      Path file = null;
      Path pkgDir = null;
      if (dir != null) {
        Path asFile = dir.resolve(leaf + ".py");
        Path asPkg = dir.resolve(leaf).resolve("__init__.py");
        if (Files.isRegularFile(asPkg)) {
          file = asPkg;
          pkgDir = dir.resolve(leaf);
        } else if (Files.isRegularFile(asFile)) {
          file = asFile;
        }
      }
      String source;
      String filename;
      if (file != null) {
        try {
          source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw vm.raise(vm.importError, "cannot read " + file + ": " + e.getMessage());
        }
        filename = file.toString();
      } else {
        source = dot < 0 ? libSource(full) : null;
        if (source == null) {
          throw vm.raiseObject(notFound(full));
        }
        filename = "<stitch>/" + full + ".py";
      }
      CodeInfo ci;
      try {
        ci = compile(source, filename);
      } catch (GuestSyntaxError e) {
        long exc = vm.newException(vm.syntaxError, vm.tuple(vm.newStr(e.message())));
        throw vm.raiseObject(exc);
      }
      module = vm.newModule(full);
      long dict = Mem.getLong(module + Layout.Module.DICT);
      if (file != null) {
        Dicts.setItemStr(vm, dict, vm.intern("__file__"), vm.newStr(filename));
      }
      if (pkgDir != null) {
        packagePaths.put(full, pkgDir);
        Dicts.setItemStr(vm, dict, vm.intern("__package__"), vm.intern(full));
        Dicts.setItemStr(vm, dict, vm.intern("__path__"),
            vm.listFromWords(vm.pushHandle(vm.newStr(pkgDir.toString())), 1));
      } else {
        Dicts.setItemStr(vm, dict, vm.intern("__package__"),
            dot < 0 ? vm.emptyStr : vm.intern(full.substring(0, dot)));
      }
      Dicts.setItemStr(vm, vm.modules, key, module);
      try {
        p.runCode(ci, dict, 0, 0);
      } catch (PyException e) {
        Dicts.remove(vm, vm.modules, key);
        throw e;
      }
      module = Dicts.getItemStr(vm, vm.modules, key);
    }
    if (parent != 0) {
      Dicts.setItemStr(vm, Mem.getLong(parent + Layout.Module.DICT), vm.intern(leaf), module);
    }
    return module;
  }

  private long notFound(String name) {
    long exc = vm.newException(vm.moduleNotFoundError,
        vm.tuple(vm.newStr("No module named '" + name + "'")));
    return exc;
  }

  private static String libSource(String name) {
    try (InputStream in = Importer.class.getResourceAsStream(LIB + name + ".py")) {
      if (in == null) {
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  long importFrom(long module, long name) {
    long v = p.lookupAttr(module, name);
    if (v != 0) {
      return v;
    }
    String modName = vm.str(Mem.getLong(module + Layout.Module.NAME));
    if (packagePaths.containsKey(modName)) {
      try {
        return load(modName + "." + vm.str(name), module);
      } catch (PyException e) {
        if (!vm.isInstance(e.exc, vm.moduleNotFoundError)) {
          throw e;
        }
      }
    }
    long file = Dicts.getItemStr(vm, Mem.getLong(module + Layout.Module.DICT),
        vm.intern("__file__"));
    String where = file != 0 ? " (" + vm.str(file) + ")" : " (unknown location)";
    throw vm.raise(vm.importError,
        "cannot import name '" + vm.str(name) + "' from '" + modName + "'" + where);
  }

  void importStar(long module, long target) {
    long dict = Mem.getLong(module + Layout.Module.DICT);
    long all = Dicts.getItemStr(vm, dict, vm.intern("__all__"));
    if (all != 0) {
      long it = p.iter(all);
      for (long k = p.next(it); k != 0; k = p.next(it)) {
        Dicts.setItem(vm, target, k, p.getAttr(module, k));
      }
      return;
    }
    int n = Dicts.filled(dict);
    for (int i = 0; i < n; i++) {
      long k = Dicts.entryKey(dict, i);
      if (k != 0 && !vm.str(k).startsWith("_")) {
        Dicts.setItem(vm, target, k, Dicts.entryValue(dict, i));
      }
    }
  }
}
