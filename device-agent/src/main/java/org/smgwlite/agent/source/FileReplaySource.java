package org.smgwlite.agent.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replays a capture: {@code .bin} is raw bytes, {@code .hex} is hex text (whitespace, line breaks,
 * {@code 0x} prefixes and {@code #} comments ignored), as people paste dumps into issues.
 * Captures are small, so the file is read whole.
 */
public final class FileReplaySource implements ByteSource {

    private final Path path;
    private final byte[] bytes;
    private int next;

    private FileReplaySource(Path path, byte[] bytes) {
        this.path = path;
        this.bytes = bytes;
    }

    public static FileReplaySource open(Path path) throws IOException {
        byte[] content = Files.readAllBytes(path);
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".hex")) {
            content = parseHex(new String(content, StandardCharsets.US_ASCII), path.toString());
        }
        return new FileReplaySource(path, content);
    }

    /**
     * Hex text to bytes.
     *
     * @throws IOException naming the line with a character that is not hex or an odd digit count
     */
    static byte[] parseHex(String text, String where) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() / 2);
        String[] lines = text.split("\n", -1);
        int high = -1;
        for (int lineNo = 0; lineNo < lines.length; lineNo++) {
            String line = lines[lineNo];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.replace("0x", " ").replace("0X", " ");
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (Character.isWhitespace(c) || c == ',' || c == ':') {
                    continue;
                }
                int digit = Character.digit(c, 16);
                if (digit < 0) {
                    throw new IOException(where + " line " + (lineNo + 1) + ": '" + c + "' is not a hex digit");
                }
                if (high < 0) {
                    high = digit;
                } else {
                    out.write(high << 4 | digit);
                    high = -1;
                }
            }
        }
        if (high >= 0) {
            throw new IOException(where + ": odd number of hex digits");
        }
        return out.toByteArray();
    }

    /** The whole capture, for decoders that take a byte array. */
    public byte[] allBytes() {
        return bytes.clone();
    }

    @Override
    public int read(byte[] buffer) {
        if (next >= bytes.length) {
            return -1;
        }
        int n = Math.min(buffer.length, bytes.length - next);
        System.arraycopy(bytes, next, buffer, 0, n);
        next += n;
        return n;
    }

    @Override
    public String describe() {
        return "file:" + path;
    }

    @Override
    public void close() {
        next = bytes.length;
    }
}
