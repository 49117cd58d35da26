package org.smgwlite.admin.feedback;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * A file made in the background (an export) while the page polls for its progress: the start button is disabled and
 * a progress bar shown until the file is there, then a download link offers it. The file is deleted when the next one
 * starts or the page goes ({@link #detach}). Used by the load curve's CSV export and the Reports screen's month zip.
 */
public final class BackgroundFile {

    private final Button start;
    private final ProgressBar progress;
    private final Anchor download;
    private final Function<String, String> linkText;
    private final Function<String, String> failedText;
    private Future<Path> running;
    private Registration pollListener;
    private Path made;

    /**
     * @param linkText the download link's text for a file name
     * @param failedText the notice for a failure's message
     */
    public BackgroundFile(Button start, ProgressBar progress, Anchor download, Function<String, String> linkText,
                          Function<String, String> failedText) {
        this.start = start;
        this.progress = progress;
        this.download = download;
        this.linkText = linkText;
        this.failedText = failedText;
        progress.setVisible(false);
        download.setVisible(false);
    }

    /** Starts {@code job} (handed a progress callback in percent) and polls every {@code pollMs} until it is done. */
    public void start(int pollMs, String name, Function<IntConsumer, Future<Path>> job) {
        UI ui = UI.getCurrent();
        forget();
        start.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        running = job.apply(percent -> ui.access(() -> progress.setValue(percent / 100.0)));
        ui.setPollInterval(pollMs);
        pollListener = ui.addPollListener(e -> finishIfDone(ui, name));
    }

    private void finishIfDone(UI ui, String name) {
        if (running == null || !running.isDone()) {
            return;
        }
        ui.setPollInterval(-1);
        pollListener.remove();
        pollListener = null;
        start.setEnabled(true);
        progress.setVisible(false);
        try {
            made = running.get();
            download.setHref(DownloadHandler.forFile(made.toFile(), name));
            download.setText(linkText.apply(name));
            download.setVisible(true);
        } catch (ExecutionException e) {
            Notices.failed(failedText.apply(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = null;
        }
    }

    /** Hides the link and deletes the file made last. */
    public void forget() {
        download.setVisible(false);
        if (made != null) {
            try {
                Files.deleteIfExists(made);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans up what stays
            }
            made = null;
        }
    }

    /** When the owning component is detached from {@code ui}: stops polling and deletes the file. */
    public void detach(UI ui) {
        if (pollListener != null) {
            pollListener.remove();
            pollListener = null;
            ui.setPollInterval(-1);
        }
        forget();
    }
}
