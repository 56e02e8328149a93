package dev.redlock.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what a System.Logger (backed by java.util.logging) writes. */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<Level> levels = new CopyOnWriteArrayList<>();

    LogCapture(String name) {
        this.logger = Logger.getLogger(name);
        logger.addHandler(this);
        setLevel(Level.ALL);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** The levels of the records, in the order of {@link #messages()}. */
    List<Level> levels() {
        return List.copyOf(levels);
    }

    void clear() {
        messages.clear();
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record.getMessage());
        levels.add(record.getLevel());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
