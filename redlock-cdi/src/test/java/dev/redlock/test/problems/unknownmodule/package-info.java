/** Scenario package. */
@Module("unknown-module")
package dev.redlock.test.problems.unknownmodule;

import dev.redlock.api.Module;
