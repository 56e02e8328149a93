/** Scenario package. */
@Module("bad-resource")
package dev.redlock.test.problems.badresource;

import dev.redlock.api.Module;
