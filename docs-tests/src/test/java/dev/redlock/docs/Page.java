package dev.redlock.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A documentation page read as a project: its fenced code blocks whose info string carries {@code title="<path>"}
 * are the project's files, those whose info string is {@code bash run} are the commands that build and run it (one
 * a line), and the one marked {@code text output} is what the last command prints.
 */
final class Page {

    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    private static final Pattern TITLE = Pattern.compile("title=\"([^\"]+)\"");

    /**
     * A fenced code block.
     *
     * @param info the info string after the opening fence
     * @param body the lines between the fences, each ending in a line feed
     */
    record Block(String info, String body) {

        String title() {
            Matcher m = TITLE.matcher(info);
            return m.find() ? m.group(1) : null;
        }

        boolean isCommand() {
            return info.strip().equals("bash run");
        }

        boolean isOutput() {
            return info.strip().equals("text output");
        }
    }

    private final Path source;
    private final List<Block> blocks;

    private Page(Path source, List<Block> blocks) {
        this.source = source;
        this.blocks = blocks;
    }

    static Page read(Path source) throws IOException {
        List<Block> blocks = new ArrayList<>();
        String info = null;
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(source)) {
            Matcher fence = FENCE.matcher(line);
            if (info == null && fence.matches()) {
                info = fence.group(1);
                body.setLength(0);
            } else if (info != null && line.equals("```")) {
                blocks.add(new Block(info, body.toString()));
                info = null;
            } else if (info != null) {
                body.append(line).append('\n');
            }
        }
        if (info != null) {
            throw new IllegalStateException(source + ": a code block is not closed");
        }
        return new Page(source, List.copyOf(blocks));
    }

    /** Writes every file block under {@code dir}, refusing a path that leaves it or comes twice. */
    void materialise(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Block block : blocks) {
            String title = block.title();
            if (title == null) {
                continue;
            }
            Path file = dir.resolve(title).normalize();
            if (!file.startsWith(dir) || written.contains(file)) {
                throw new IllegalStateException(source + ": the block titled '" + title + "' leaves the project or"
                        + " comes twice");
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, block.body());
            written.add(file);
        }
        if (written.isEmpty()) {
            throw new IllegalStateException(source + ": no block with title=\"<path>\"");
        }
    }

    List<Block> blocks() {
        return blocks;
    }

    List<String> files() {
        return blocks.stream().map(Block::title).filter(t -> t != null).toList();
    }

    String file(String title) {
        return blocks.stream().filter(b -> title.equals(b.title())).findFirst().map(Block::body)
                .orElseThrow(() -> new IllegalStateException(source + ": no block titled '" + title + "'"));
    }

    /** The commands, in page order; a line ending in a backslash goes on, blank lines and comments are left out. */
    List<String> commands() {
        return blocks.stream().filter(Block::isCommand)
                .flatMap(b -> b.body().replaceAll("\\\\\n", " ").lines()).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The lines the last command prints. */
    List<String> output() {
        return blocks.stream().filter(Block::isOutput).flatMap(b -> b.body().lines()).toList();
    }

    /** The whole text. */
    String text() throws IOException {
        return Files.readString(source);
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
