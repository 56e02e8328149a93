/** Scenario package. */
@Module("ambiguous")
package dev.redlock.test.problems.ambiguous;

import dev.redlock.api.Module;
