package dev.redlock.test.app;

import dev.redlock.api.RedlockResource;
import dev.redlock.api.ResourceArguments;

/** A lock resource written by hand; the processor generates the like as {@code MetaRedlock_.Isolate}. */
public record Res(String resource, String template) implements RedlockResource {

    public static final Res NAME = new Res("name", "name");

    /** The template {@code user-{userId}}. */
    public static Res user(String userId) {
        return new Res("user-" + ResourceArguments.check("user-{userId}", "userId", userId), "user-{userId}");
    }
}
