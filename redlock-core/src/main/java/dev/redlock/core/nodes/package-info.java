/**
 * Node addresses as the engine reads them: one parser for the engine's builder and redlock-cdi's configuration.
 * Exported to {@code dev.redlock.cdi} only; not API.
 */
@org.jspecify.annotations.NullMarked
package dev.redlock.core.nodes;
