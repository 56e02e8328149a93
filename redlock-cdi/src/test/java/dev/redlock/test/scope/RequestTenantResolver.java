package dev.redlock.test.scope;

import jakarta.enterprise.context.RequestScoped;

import dev.redlock.cdi.InstanceNameResolver;

/** The scope the resolver must not have: works inside a request, fails on any other thread. */
@RequestScoped
public class RequestTenantResolver implements InstanceNameResolver {

    @Override
    public String instanceName() {
        return "in-request";
    }
}
