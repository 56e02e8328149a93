/** The a-auth module of the test app. */
@Module("a-auth")
package dev.redlock.test.app.auth;

import dev.redlock.api.Module;
