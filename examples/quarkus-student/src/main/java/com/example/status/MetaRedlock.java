package com.example.status;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;

/**
 * The distributed locks of module {@code a-status}.
 *
 * <p>Declare the resources of {@code lock} and {@code lockIsolate} in {@link RedlockResources}: plain
 * names such as {@code "name"} and templates such as {@code "user-{userId}"}. The annotation
 * processor turns them into {@code MetaRedlock_.Lock} and {@code MetaRedlock_.Isolate}; while a list is empty, the
 * matching method cannot be called.
 */
// created by the scaffolding command (docs/guide.md, "Create a redlock") and left as it was: no resources yet
// tag::scaffolded[]
@Meta
@RedlockResources(lock = {}, isolate = {})
public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {
}
// end::scaffolded[]
