/** Scenario package. */
@Module("isolations")
package dev.redlock.test.problems.isolations;

import dev.redlock.api.Module;
