/** The auth module: a second module with its own redlock meta. */
@Module("a-auth")
@NullMarked
package com.example.auth;

import org.jspecify.annotations.NullMarked;

import dev.redlock.api.Module;
