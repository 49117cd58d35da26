package org.smgwlite.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EichlogCursorTest {

    @TempDir
    Path dir;

    @Test
    void reads_complete_entries_after_the_acknowledged_one_in_portions_and_remembers_across_restarts() throws Exception {
        Path log = dir.resolve("eichlog.log");
        Files.writeString(log, "1\ta\n2\tb\n3\tc\n4\td\n5\tcut off by a cra", StandardCharsets.UTF_8);
        Path cursor = dir.resolve("credentials/eichlog.sent");

        EichlogCursor eichlog = new EichlogCursor(log, cursor);
        assertThat(eichlog.read(3)).containsExactly("1\ta", "2\tb", "3\tc");
        assertThat(eichlog.read(3)).as("nothing moves before the acknowledgement").containsExactly("1\ta", "2\tb", "3\tc");

        eichlog.acknowledge("3\tc");
        assertThat(new EichlogCursor(log, cursor).read(3)).as("after a restart, the torn last line left out").containsExactly("4\td");

        new EichlogCursor(log, cursor).acknowledge("4\td");
        assertThat(new EichlogCursor(log, cursor).read(3)).isEmpty();
        assertThat(new EichlogCursor(dir.resolve("none.log"), cursor).read(3)).isEmpty();
    }
}
