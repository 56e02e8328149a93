/**
 * The service-provider interface of Redlock for Jakarta CDI: the contract between
 * {@link dev.redlock.api.BeanRedlockBase} and the runtime that backs it ({@code redlock-cdi}), and the rules the
 * modules must apply alike, kept here once so they cannot drift apart: the meta naming ({@code MetaNames}), the
 * resource grammar ({@code ResourceDeclaration}), the check of text that becomes part of a key ({@code KeyText})
 * and the bounds ({@code Limits}). Applications do not use it directly; it may change between minor releases.
 */
@NullMarked
package dev.redlock.api.spi;

import org.jspecify.annotations.NullMarked;
