/** The demo-student module of the test app. */
@Module("demo-student")
package dev.redlock.test.app.student;

import dev.redlock.api.Module;
