package dev.redlock.test.problems.outside;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResource;

@Meta
public class MetaRedlock extends BeanRedlockBase<RedlockResource, RedlockResource> {
}
