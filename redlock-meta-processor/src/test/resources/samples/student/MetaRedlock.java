package com.example.student;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;

@Meta
@RedlockResources(lock = "name", isolate = { "name", "user-{userId}", "order-{shop}-{id}", "user.name" })
public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {
}
