package com.example.student.web;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;

@Meta
@RedlockResources(lock = "audit.log")
public class MetaAudit extends BeanRedlockBase<MetaAudit_.Lock, MetaAudit_.Isolate> {
}
