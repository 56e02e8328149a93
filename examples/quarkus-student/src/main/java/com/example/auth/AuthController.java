package com.example.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The auth endpoint: {@code POST /auth/{userId}/login} counts the user's logins under the lock
 * {@code session-{userId}} of module {@code a-auth}, reached through the generated module scope.
 */
@ApplicationScoped
@Path("/auth")
@Produces(MediaType.TEXT_PLAIN)
public class AuthController {

    private final Map<String, Integer> logins = new ConcurrentHashMap<>();

    // tag::scope[]
    @Inject
    ScopeModuleAAuth scope;

    // end::scope[]

    /**
     * Counts a login of the user.
     *
     * @param userId the user
     * @return how many times the user logged in
     */
    @POST
    @Path("/{userId}/login")
    public String login(@PathParam("userId") String userId) {
        // tag::scope-lock[]
        int count = scope.redlock().lock(MetaRedlock_.Lock.session(userId), () -> logins.merge(userId, 1, Integer::sum));
        // end::scope-lock[]
        return Integer.toString(count);
    }
}
