package dev.redlock.test.app.auth;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;
import dev.redlock.test.app.Res;

@Meta
@RedlockResources(lock = {"session", "counter"})
public class MetaRedlock extends BeanRedlockBase<Res, Res> {
}
