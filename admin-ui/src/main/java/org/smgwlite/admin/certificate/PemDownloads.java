package org.smgwlite.admin.certificate;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import java.nio.charset.StandardCharsets;

/** A PEM text offered as a file download link. */
final class PemDownloads {

    private PemDownloads() {
    }

    static Anchor link(String id, String text, String pem, String fileName) {
        Anchor link = new Anchor();
        link.setId(id);
        link.setText(text);
        byte[] bytes = pem.getBytes(StandardCharsets.US_ASCII);
        link.setHref(event -> {
            event.setFileName(fileName);
            event.setContentType("application/x-pem-file");
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        }, AttachmentType.DOWNLOAD);
        return link;
    }
}
