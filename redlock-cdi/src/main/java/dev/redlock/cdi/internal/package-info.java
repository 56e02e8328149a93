/**
 * Not API: the implementation of the Redlock CDI extension (discovery, module resolution, configuration, the
 * engines and the meta bindings). May change without notice; not exported by the module.
 */
@NullMarked
package dev.redlock.cdi.internal;

import org.jspecify.annotations.NullMarked;
