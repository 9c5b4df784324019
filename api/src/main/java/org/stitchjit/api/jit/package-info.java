/**
 * The service interfaces the JIT is composed of, and the only view of the VM that frontends,
 * passes and backends get: {@link org.stitchjit.api.jit.Frontend} selects regions from what the
 * interpreter executes (through a {@link org.stitchjit.api.jit.Recorder} and {@link
 * org.stitchjit.api.jit.CodeView}), {@link org.stitchjit.api.jit.OptimizerPass} rewrites them,
 * {@link org.stitchjit.api.jit.Backend} turns them into a {@link
 * org.stitchjit.api.jit.CompiledRegion}. A {@link org.stitchjit.api.jit.Jit} is one such
 * combination; the composition root builds it from a {@link
 * org.stitchjit.api.config.JitConfig}.
 *
 * <p>Implementations are found by name: built-ins are bound in the composition root, others
 * through {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/org.stitchjit.api.jit.Frontend} and so on; it needs a public no-argument
 * constructor).
 */
package org.stitchjit.api.jit;
