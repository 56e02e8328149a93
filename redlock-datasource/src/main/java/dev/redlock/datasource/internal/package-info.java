/**
 * Not API: the implementation behind {@link dev.redlock.datasource.DatasourceLevels} (configuration, pools, the
 * application's DataSources, JTA, deployment checks). May change without notice; not exported by the module.
 */
@NullMarked
package dev.redlock.datasource.internal;

import org.jspecify.annotations.NullMarked;
