/**
 * The CDI integration of Redlock: the portable extension {@link dev.redlock.cdi.RedlockExtension}, the
 * {@link dev.redlock.cdi.Onion} inspect service, the {@link dev.redlock.cdi.InModule @InModule} qualifier, the
 * {@link dev.redlock.cdi.InstanceNameResolver} hook and the {@link dev.redlock.cdi.RedlockConfig} mapping.
 */
@NullMarked
package dev.redlock.cdi;

import org.jspecify.annotations.NullMarked;
