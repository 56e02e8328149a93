package dev.redlock.test.problems.basewithoutmeta;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.RedlockResource;

@ApplicationScoped
public class MetaRedlock extends BeanRedlockBase<RedlockResource, RedlockResource> {
}
