package org.stitchjit.compose.testplugins;

/** A plugin claiming the built-in reference backend's name. */
public final class InterpImpostorBackend extends NamedBackend {
  public InterpImpostorBackend() {
    super("interp");
  }
}
