/** Module {@code a-status}. */
@Module("a-status")
package com.example.status;

import dev.redlock.api.Module;
