package dev.redlock.test.app.student;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;
import dev.redlock.test.app.Res;

@Meta
@RedlockResources(lock = {"name", "user-{userId}"}, isolate = {"name"})
public class MetaRedlock extends BeanRedlockBase<Res, Res> {
}
