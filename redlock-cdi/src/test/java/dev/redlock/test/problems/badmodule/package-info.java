/** Scenario package. */
@Module("Bad_Module")
package dev.redlock.test.problems.badmodule;

import dev.redlock.api.Module;
