package com.example.student;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.redlock.cdi.InstanceNameResolver;

/**
 * The instance (tenant) part of every lock's key: {@code student.campus} if set (the tests set it), else no
 * instance ({@code ~}). Nothing injects it and it is not {@code @Unremovable}: the redlock extension keeps it.
 */
@ApplicationScoped
public class CampusResolver implements InstanceNameResolver {

    @ConfigProperty(name = "student.campus")
    Optional<String> campus;

    @Override
    public String instanceName() {
        return campus.orElse(null);
    }
}
