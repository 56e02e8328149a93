package dev.redlock.test.problems.unknownclient;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResource;

@Meta(client = "nope")
public class MetaRedlock extends BeanRedlockBase<RedlockResource, RedlockResource> {
}
