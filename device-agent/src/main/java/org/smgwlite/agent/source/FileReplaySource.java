package org.smgwlite.agent.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Replays a capture: {@code .bin} is raw bytes, {@code .hex} is hex text (whitespace, line breaks,
 * {@code 0x} prefixes and {@code #} comments ignored), as people paste dumps into issues.
 *
 * <p>The file is streamed, never read whole: a capture of any size replays in constant memory (the agent runs
 * with {@code -Xmx32m}). A {@code .hex} file is checked once when opened, so that a typo is reported with its
 * line before any byte is decoded.
 */
public final class FileReplaySource implements ByteSource {

    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final BufferedInputStream in;

    private FileReplaySource(Path path, BufferedInputStream in) {
        this.path = path;
        this.in = in;
    }

    /** @throws IOException when the file cannot be read, or naming the line of a {@code .hex} file that is not hex */
    public static FileReplaySource open(Path path) throws IOException {
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hex")) {
            return new FileReplaySource(path, new BufferedInputStream(Files.newInputStream(path), BUFFER));
        }
        try (InputStream check = hex(path)) {
            byte[] skip = new byte[BUFFER];
            while (check.read(skip) >= 0) {
                // every character checked, nothing kept
            }
        }
        return new FileReplaySource(path, new BufferedInputStream(hex(path), BUFFER));
    }

    private static InputStream hex(Path path) throws IOException {
        return new HexTextInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER), path.toString());
    }

    /**
     * Up to {@code max} (at most 64 KiB) of the next bytes, which the next reads return again: for a guess at the
     * protocol before decoding starts.
     */
    public byte[] peek(int max) throws IOException {
        int n = Math.min(max, BUFFER);
        in.mark(n);
        byte[] head = in.readNBytes(n);
        in.reset();
        return head;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        return in.read(buffer);
    }

    @Override
    public String describe() {
        return "file:" + path;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
