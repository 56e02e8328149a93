/** The Redlock engine: quorum locks over N independent Redis masters, built on Redisson. */
@org.jspecify.annotations.NullMarked
module dev.redlock.core {
    requires transitive dev.redlock.api;
    requires transitive redisson;
    requires io.netty.common; // HashedWheelTimer, for the answer timeouts
    requires io.netty.transport; // the event loop all engines share (internal.Transport)
    requires io.netty.resolver;

    exports dev.redlock.core;
    // the node URI parser, shared with redlock-cdi's configuration
    exports dev.redlock.core.nodes to dev.redlock.cdi;
}
