package dev.redlock.test.problems.resolvers;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.InstanceNameResolver;

@ApplicationScoped
public class SecondResolver implements InstanceNameResolver {

    @Override
    public String instanceName() {
        return "second";
    }
}
