/** The Redlock engine: quorum locks over N independent Redis masters, built on Redisson. */
@org.jspecify.annotations.NullMarked
module dev.redlock.core {
    requires transitive dev.redlock.api;
    requires transitive redisson;
    requires io.netty.common; // HashedWheelTimer, for the answer timeouts of supplied clients

    exports dev.redlock.core;
}
