package com.example.student;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;

/**
 * The redlock meta of module {@code demo-student}: {@code lock} takes {@code name}, {@code lockIsolate} takes
 * {@code name} and {@code user-{userId}}.
 */
// tag::definition[]
@Meta
@RedlockResources(lock = "name", isolate = {"name", "user-{userId}"})
public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {
}
// end::definition[]
