/** The student module. */
@Module("demo-student")
package com.example.student;

import dev.redlock.api.Module;
