/**
 * Not API: the engine's implementation. May change without notice; not exported by the module.
 */
@NullMarked
package dev.redlock.core.internal;

import org.jspecify.annotations.NullMarked;
