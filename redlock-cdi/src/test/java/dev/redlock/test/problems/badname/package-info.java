/** Scenario package. */
@Module("bad-name")
package dev.redlock.test.problems.badname;

import dev.redlock.api.Module;
