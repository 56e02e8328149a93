package com.example.teacher;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;

@Meta
@RedlockResources(lock = {}, isolate = "{tenant}:course-{courseId}")
public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {
}
