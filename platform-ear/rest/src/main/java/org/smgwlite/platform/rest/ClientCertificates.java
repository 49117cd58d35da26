package org.smgwlite.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** The client certificate of a request, as the TLS listener received it (only the device port asks for one). */
public final class ClientCertificates {

    private static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private ClientCertificates() {
    }

    /** The leaf the client presented in the TLS handshake, if any. */
    public static Optional<X509Certificate> of(HttpServletRequest request) {
        Object chain = request.getAttribute(ATTRIBUTE);
        return chain instanceof X509Certificate[] certificates && certificates.length > 0
                ? Optional.of(certificates[0]) : Optional.empty();
    }
}
