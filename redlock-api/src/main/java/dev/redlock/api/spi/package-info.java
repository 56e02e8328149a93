/**
 * The service-provider interface between {@link dev.redlock.api.BeanRedlockBase} and the runtime that backs it
 * ({@code redlock-cdi}). Applications do not use it directly.
 */
@NullMarked
package dev.redlock.api.spi;

import org.jspecify.annotations.NullMarked;
