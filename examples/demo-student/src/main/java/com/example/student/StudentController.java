package com.example.student;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.redlock.cdi.Onion;

/**
 * The student endpoints: {@code GET /student/test} runs under the lock {@code name} and logs the redlock metas in
 * effect; {@code POST /student/{userId}/score} adds one to the user's score under the isolated lock
 * {@code user-{userId}}.
 */
@ApplicationScoped
@Path("/student")
@Produces(MediaType.TEXT_PLAIN)
public class StudentController {

    // tag::inject[]
    @Inject
    MetaRedlock redlock;
    // end::inject[]

    @Inject
    Onion onion;

    @Inject
    ScoreRepository scores;

    /**
     * Runs under the lock {@code name}, logs {@code inspectMeta("redlock")} to the console.
     *
     * @return {@code some result}
     */
    @GET
    @Path("/test")
    public String test() {
        // tag::lock[]
        String res = redlock.lock(MetaRedlock_.Lock.NAME, () -> {
            // do something in lock
            return "some result";
        });
        // end::lock[]
        // tag::inspect[]
        onion.meta().inspectMeta("redlock");
        // end::inspect[]
        return res;
    }

    /**
     * Runs under the isolated lock {@code name}.
     *
     * @return {@code some result}
     */
    @GET
    @Path("/test-isolate")
    public String testIsolate() {
        // tag::lockIsolate[]
        String res = redlock.lockIsolate(MetaRedlock_.Isolate.NAME, () -> {
            // do something in lock, at the next datasource level
            return "some result";
        });
        // end::lockIsolate[]
        return res;
    }

    /**
     * Adds one to the user's score, under the user's isolated lock.
     *
     * @param userId the user
     * @return the new score
     * @throws SQLException if the database fails
     */
    @POST
    @Path("/{userId}/score")
    public String addScore(@PathParam("userId") String userId) throws SQLException {
        // tag::template[]
        int score = redlock.lockIsolate(MetaRedlock_.Isolate.user(userId), () -> scores.increment(userId));
        // end::template[]
        return Integer.toString(score);
    }

    /**
     * The user's score.
     *
     * @param userId the user
     * @return the score, 0 when the user has none
     * @throws SQLException if the database fails
     */
    @GET
    @Path("/{userId}/score")
    public String score(@PathParam("userId") String userId) throws SQLException {
        return Integer.toString(scores.score(userId));
    }

    /**
     * Rebuilds the report unless another instance is rebuilding it right now.
     *
     * @return {@code rebuilt}, or {@code busy} when another holder had the lock
     */
    @POST
    @Path("/report")
    public String rebuildReport() {
        // tag::tryLock[]
        Optional<String> done = redlock.tryLock(MetaRedlock_.Lock.NAME, Duration.ZERO, session -> {
            // runs only if nobody else holds the lock; session.fencingToken() orders the writers
            return "rebuilt";
        });
        return done.orElse("busy");
        // end::tryLock[]
    }
}
