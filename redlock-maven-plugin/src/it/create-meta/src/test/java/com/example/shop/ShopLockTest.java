package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** Locks through the scaffolded meta, with the types the processor generated from it, on three real nodes. */
@WithRedisNodes(count = 3)
final class ShopLockTest {

    @Test
    void scaffoldedMeta_locksOnRealNodes(RedisNodes nodes) {
        System.setProperty("redlock.nodes", String.join(",", nodes.uris()));
        try (WeldContainer weld = new Weld().initialize()) {
            MetaRedlock redlock = weld.select(MetaRedlock.class).get();

            List<String> held = redlock.lock(MetaRedlock_.Lock.user("42"), () -> nodes.node(0).keys("*shop.user-42"));
            String order = redlock.lock(MetaRedlock_.Lock.ORDER, () -> "ordered");

            assertFalse(held.isEmpty(), "the lock's key is on the node while the function runs");
            assertEquals("ordered", order);
        } finally {
            System.clearProperty("redlock.nodes");
        }
    }
}
