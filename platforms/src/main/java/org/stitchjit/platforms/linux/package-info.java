/** Linux implementations of the platform services, through jnr-ffi bindings to libc. */
package org.stitchjit.platforms.linux;
