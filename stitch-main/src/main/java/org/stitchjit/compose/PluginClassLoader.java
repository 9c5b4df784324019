package org.stitchjit.compose;

import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/** The class loader whose {@code META-INF/services} entries supply plugin implementations. */
@Qualifier
@Documented
@Retention(RUNTIME)
@interface PluginClassLoader {}
