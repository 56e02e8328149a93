package dev.redlock.test.problems.resolvers;

import jakarta.enterprise.context.ApplicationScoped;

import dev.redlock.cdi.InstanceNameResolver;

@ApplicationScoped
public class FirstResolver implements InstanceNameResolver {

    @Override
    public String instanceName() {
        return "first";
    }
}
