package dev.redlock.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every record logged through {@code java.util.logging} (where the engine's {@link System.Logger} goes
 * by default), formatted with its stack trace, at every level, while open.
 */
final class JulCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Logger engine = Logger.getLogger("dev.redlock");
    private final Level engineLevel = engine.getLevel();
    private final List<String> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    JulCapture() {
        setLevel(Level.ALL);
        engine.setLevel(Level.ALL);
        root.addHandler(this);
    }

    /** The records so far, each formatted as the console handler would print it. */
    List<String> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(formatter.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        engine.setLevel(engineLevel);
    }
}
