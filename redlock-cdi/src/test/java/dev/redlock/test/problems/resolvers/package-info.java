/** Scenario package. */
@Module("resolvers")
package dev.redlock.test.problems.resolvers;

import dev.redlock.api.Module;
