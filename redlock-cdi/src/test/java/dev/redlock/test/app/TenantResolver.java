package dev.redlock.test.app;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.InstanceNameResolver;

/** The application's tenant: set by the test, read by every lock that gives no instance. */
@ApplicationScoped
public class TenantResolver implements InstanceNameResolver {

    private volatile String tenant;

    public void set(String tenant) {
        this.tenant = tenant;
    }

    @Override
    public String instanceName() {
        return tenant;
    }
}
