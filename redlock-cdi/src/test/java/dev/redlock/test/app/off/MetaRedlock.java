package dev.redlock.test.app.off;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;
import dev.redlock.test.app.Res;

@Meta(enable = false)
@RedlockResources(lock = "name")
public class MetaRedlock extends BeanRedlockBase<Res, Res> {
}
