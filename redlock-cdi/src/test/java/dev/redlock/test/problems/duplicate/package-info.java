/** Scenario package. */
@Module("dup")
package dev.redlock.test.problems.duplicate;

import dev.redlock.api.Module;
