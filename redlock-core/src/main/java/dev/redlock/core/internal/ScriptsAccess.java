package dev.redlock.core.internal;

/** Read access to the script sources, for tests and tools (not API). */
public final class ScriptsAccess {

    private ScriptsAccess() {
    }

    /**
     * The release script.
     *
     * @return its Lua source
     */
    public static String release() {
        return Scripts.RELEASE;
    }
}
