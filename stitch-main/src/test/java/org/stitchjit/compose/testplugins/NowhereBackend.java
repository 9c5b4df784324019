package org.stitchjit.compose.testplugins;

import java.util.Optional;

/** A backend for a machine this is not: the VM must run with the JIT off and say so once. */
public class NowhereBackend extends NamedBackend {
  public NowhereBackend() {
    super("nowhere");
  }

  @Override
  public Optional<String> unsupportedReason() {
    return Optional.of("it has code for no machine at all");
  }
}
