package com.example.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Whether the library parts the app needs at run time are on the class path yet. */
final class Parts {

    private Parts() {
    }

    /** Skips the calling test until redlock-cdi has its extension (and redlock-core its engine). */
    static void assumeCdiExtension() {
        boolean present;
        try {
            Class.forName("dev.redlock.cdi.RedlockExtension", false, Parts.class.getClassLoader());
            present = true;
        } catch (ClassNotFoundException e) {
            present = false;
        }
        assumeTrue(present, "redlock-cdi has no RedlockExtension yet (the CDI layer is not merged):"
                + " the app cannot bind its MetaRedlock beans; this test runs once it is");
    }
}
