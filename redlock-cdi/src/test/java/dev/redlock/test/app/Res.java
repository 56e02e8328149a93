package dev.redlock.test.app;

import dev.redlock.api.RedlockResource;
import dev.redlock.api.ResourceArguments;

/** A lock resource written by hand; the processor generates the like as {@code MetaRedlock_.Lock}. */
public record Res(String resource, String template) implements RedlockResource {

    public static final Res NAME = of("name");
    public static final Res COUNTER = of("counter");
    public static final Res SESSION = of("session");

    /** A plain resource. */
    public static Res of(String name) {
        return new Res(name, name);
    }

    /** The template {@code user-{userId}}. */
    public static Res user(String userId) {
        return new Res("user-" + ResourceArguments.check("user-{userId}", "userId", userId), "user-{userId}");
    }
}
