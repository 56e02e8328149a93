/**
 * Datasource levels, the mechanism behind {@code lockIsolate}: {@link dev.redlock.datasource.DatasourceLevels}, the
 * {@link dev.redlock.datasource.Datasource @Datasource} qualifier, {@link dev.redlock.datasource.DatasourceSettings}
 * and {@link dev.redlock.datasource.DatasourceContext}. See {@code docs/isolate.md}.
 */
@NullMarked
package dev.redlock.datasource;

import org.jspecify.annotations.NullMarked;
