/** The module of the {@code @Locked} tests. */
@Module("locked-app")
package dev.redlock.test.locked;

import dev.redlock.api.Module;
