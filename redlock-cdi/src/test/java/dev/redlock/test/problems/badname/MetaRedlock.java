package dev.redlock.test.problems.badname;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResource;

@Meta(name = "Bad-Name")
public class MetaRedlock extends BeanRedlockBase<RedlockResource, RedlockResource> {
}
