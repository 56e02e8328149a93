package dev.redlock.test.locked;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;
import dev.redlock.test.app.Res;

@Meta
@RedlockResources(lock = {"counter", "user-{userId}", "slow"}, isolate = {"report-{year}"})
public class MetaRedlock extends BeanRedlockBase<Res, Res> {
}
