package org.stitchjit.compose.testplugins;

/** A plugin whose name no --jit spec can select. */
public final class UpperCaseBackend extends NamedBackend {
  public UpperCaseBackend() {
    super("Fast");
  }
}
