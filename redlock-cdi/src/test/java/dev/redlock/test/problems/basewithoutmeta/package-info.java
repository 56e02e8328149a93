/** Scenario package. */
@Module("base-without-meta")
package dev.redlock.test.problems.basewithoutmeta;

import dev.redlock.api.Module;
