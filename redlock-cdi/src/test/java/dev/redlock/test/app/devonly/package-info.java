/** A module whose meta is in effect in the dev profile only. */
@Module("a-dev-only")
package dev.redlock.test.app.devonly;

import dev.redlock.api.Module;
