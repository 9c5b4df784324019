package org.stitchjit.compose.testplugins;

/** A second plugin claiming {@link NamedBackend}'s name. */
public final class SameNameBackend extends NamedBackend {
  public SameNameBackend() {
    super("test-backend");
  }
}
