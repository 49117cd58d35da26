package org.smgwlite.agent.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called before every write to a journal file. Production uses {@link #NONE}; tests inject faults such as a full
 * disk here, since an ENOSPC cannot be produced portably on a CI file system.
 */
@FunctionalInterface
public interface WriteGuard {

    WriteGuard NONE = (file, bytes) -> { };

    /**
     * @throws IOException to make the write fail as the file system would
     */
    void beforeWrite(Path file, int bytes) throws IOException;
}
