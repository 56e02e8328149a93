/**
 * Redlock for Jakarta CDI: the public API.
 *
 * <p>A module is a package tree marked with {@link dev.redlock.api.Module @Module}. Inside it, a class annotated
 * {@link dev.redlock.api.Meta @Meta} and {@link dev.redlock.api.RedlockResources @RedlockResources} that extends
 * {@link dev.redlock.api.BeanRedlockBase} is the module's distributed-lock bean. Its resources are typed by the
 * classes that {@code redlock-meta-processor} generates, so a wrong resource does not compile.
 *
 * <p>Everything in this package is free of Redis and of any CDI runtime; the CDI annotations it uses are
 * needed only at compile time.
 */
@NullMarked
package dev.redlock.api;

import org.jspecify.annotations.NullMarked;
