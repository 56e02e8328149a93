package dev.redlock.test.problems.ambiguous;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResource;

@Meta
public class MetaSecond extends BeanRedlockBase<RedlockResource, RedlockResource> {
}
