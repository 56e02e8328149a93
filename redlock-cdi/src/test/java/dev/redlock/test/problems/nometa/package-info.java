/** Scenario package. */
@Module("no-meta")
package dev.redlock.test.problems.nometa;

import dev.redlock.api.Module;
