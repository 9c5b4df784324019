/**
 * The link between the Java layouts in {@code org.stitchjit.api.layout} and the C stencil
 * templates: {@link org.stitchjit.backend.copypatch.header.LayoutHeaderGenerator} writes the
 * committed header {@code src/main/c/stitch_layout.h} from the Java definitions, and a test
 * fails when the committed file is stale, so C and Java cannot disagree about where a field
 * lives or how a value is tagged.
 */
package org.stitchjit.backend.copypatch.header;
