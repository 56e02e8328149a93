package dev.redlock.test.scope;

import jakarta.enterprise.context.RequestScoped;

/** The tenant of the current request. */
@RequestScoped
public class RequestTenant {

    public String id() {
        return "acme";
    }
}
