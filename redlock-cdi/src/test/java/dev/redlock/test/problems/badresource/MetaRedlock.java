package dev.redlock.test.problems.badresource;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResource;
import dev.redlock.api.RedlockResources;

@Meta
@RedlockResources(lock = {"name", "name"}, isolate = "user-{userId")
public class MetaRedlock extends BeanRedlockBase<RedlockResource, RedlockResource> {
}
