package com.example.auth;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;

/** The redlock meta of module {@code a-auth}: {@code lock} takes {@code session-{userId}}; no isolate resources. */
// tag::auth-definition[]
@Meta
@RedlockResources(lock = "session-{userId}")
public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {
}
// end::auth-definition[]
