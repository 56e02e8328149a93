/** The student module: scores behind a redlock meta. */
// tag::module[]
@Module("demo-student")
@NullMarked
package com.example.student;

import org.jspecify.annotations.NullMarked;

import dev.redlock.api.Module;

// end::module[]
