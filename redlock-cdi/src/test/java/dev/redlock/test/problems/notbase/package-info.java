/** Scenario package. */
@Module("not-base")
package dev.redlock.test.problems.notbase;

import dev.redlock.api.Module;
