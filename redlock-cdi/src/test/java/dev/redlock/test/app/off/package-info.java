/** A module whose meta is disabled. */
@Module("a-off")
package dev.redlock.test.app.off;

import dev.redlock.api.Module;
