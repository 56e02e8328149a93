package dev.redlock.testkit;

import java.util.stream.Collectors;

/**
 * Runs in a child JVM for the process clean-up tests: starts servers, prints their pids and binary, then either
 * exits without closing them (the shutdown hook must kill them) or blocks until it is killed.
 */
public final class LauncherChild {

    private LauncherChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        String mode = args[1];
        RedisNodes nodes = RedisNodes.start(count);
        System.out.println("PIDS " + nodes.nodes().stream().map(n -> Long.toString(n.pid()))
                .collect(Collectors.joining(",")));
        System.out.println("BINARY " + nodes.node(0).binary());
        System.out.println("PING " + nodes.node(0).ping());
        System.out.flush();
        if (mode.equals("exit")) {
            System.exit(0);
        }
        Thread.currentThread().join(); // until the parent kills this JVM
    }
}
