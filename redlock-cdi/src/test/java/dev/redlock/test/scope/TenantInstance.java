package dev.redlock.test.scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import dev.redlock.cdi.InstanceNameResolver;

/** The resolver as docs/cdi.md writes it: application scoped, reading the request's tenant while there is one. */
@ApplicationScoped
public class TenantInstance implements InstanceNameResolver {

    @Inject
    RequestTenant tenant;

    @Override
    public String instanceName() {
        try {
            return tenant.id();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
