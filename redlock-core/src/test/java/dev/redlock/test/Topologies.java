package dev.redlock.test;

import java.util.ArrayList;
import java.util.List;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

import dev.redlock.testkit.RedisCluster;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisSentinel;

/** Redisson clients for the testkit's topologies, as a user would configure them for {@code Builder.clients}. */
final class Topologies {

    private Topologies() {
    }

    static RedissonClient sentinelClient(RedisSentinel deployment) {
        Config c = new Config().setCodec(StringCodec.INSTANCE);
        c.useSentinelServers().setMasterName(deployment.masterName())
                .addSentinelAddress(deployment.sentinelUris().toArray(String[]::new))
                // a deployment with one sentinel is a test shortcut; Redisson wants two or more by default
                .setCheckSentinelsList(deployment.sentinels().size() > 1).setScanInterval(100)
                .setReadMode(ReadMode.MASTER);
        return Redisson.create(c);
    }

    static RedissonClient clusterClient(RedisCluster cluster) {
        Config c = new Config().setCodec(StringCodec.INSTANCE);
        c.useClusterServers().addNodeAddress(cluster.uris().toArray(String[]::new)).setScanInterval(200)
                .setReadMode(ReadMode.MASTER);
        return Redisson.create(c);
    }

    static RedissonClient singleClient(RedisNode node) {
        Config c = new Config().setCodec(StringCodec.INSTANCE);
        c.useSingleServer().setAddress(node.uri());
        return Redisson.create(c);
    }

    static void shutdown(List<RedissonClient> clients) {
        for (RedissonClient c : new ArrayList<>(clients)) {
            c.shutdown();
        }
    }
}
