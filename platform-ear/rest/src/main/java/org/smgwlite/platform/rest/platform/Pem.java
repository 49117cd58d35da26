package org.smgwlite.platform.rest.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A PEM answered as a file download ({@code ?format=pem} of the certificate endpoints). */
public final class Pem {

    public static final String MEDIA_TYPE = "application/x-pem-file";

    private Pem() {
    }

    public static Response download(String pem, String fileName) {
        return Response.ok(pem, MEDIA_TYPE).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").build();
    }
}
