/**
 * {@link org.stitchjit.api.config.JitConfig}: the immutable JIT configuration, its builder and
 * its command-line forms ({@code --jit=FRONTEND+BACKEND}, {@code --jit-option KEY=VALUE}).
 * Frontend, backend and pass names are free strings here; the composition root checks them
 * against the implementations it has registered.
 */
package org.stitchjit.api.config;
