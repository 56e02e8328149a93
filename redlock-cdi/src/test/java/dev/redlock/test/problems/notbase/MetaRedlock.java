package dev.redlock.test.problems.notbase;

import dev.redlock.api.Meta;

@Meta
public class MetaRedlock {
}
