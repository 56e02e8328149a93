/**
 * Not API: the implementation behind {@link dev.redlock.cdi.DatasourceLevels}. May change without notice; not
 * exported by the module.
 */
@NullMarked
package dev.redlock.cdi.internal.datasource;

import org.jspecify.annotations.NullMarked;
