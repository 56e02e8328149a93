@Module("demo-teacher")
package com.example.teacher;

import dev.redlock.api.Module;
