package dev.redlock.test.problems.badname;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResource;

/** Named {@code new}, which the processor refuses too (RL3015): the scope accessor could not take it. */
@Meta
public class MetaNew extends BeanRedlockBase<RedlockResource, RedlockResource> {
}
