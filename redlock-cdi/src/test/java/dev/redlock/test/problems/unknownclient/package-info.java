/** Scenario package. */
@Module("unknown-client")
package dev.redlock.test.problems.unknownclient;

import dev.redlock.api.Module;
