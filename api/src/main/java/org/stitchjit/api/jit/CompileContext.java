package org.stitchjit.api.jit;

import java.util.Optional;

/**
 * What a backend may use while compiling: services the VM offers by type (the runtime offers
 * its reference executor's hooks, a platform its executable memory, the driver the {@link
 * org.stitchjit.api.config.JitConfig} it runs) and the code cache's remaining space.
 */
public interface CompileContext {

  /** A service of the given type, when the VM offers one. */
  <T> Optional<T> service(Class<T> type);

  /** Bytes the code cache can still take; a backend fails compiles that need more. */
  long codeCacheFree();
}
