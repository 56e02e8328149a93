package dev.redlock.bench.cdi;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;

/** The module's redlock meta: one template resource, so that W1's distinct resources are typed too. */
@Meta
@RedlockResources(lock = "bench-{id}")
public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {
}
