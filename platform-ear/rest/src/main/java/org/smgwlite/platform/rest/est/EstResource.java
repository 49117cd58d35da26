package org.smgwlite.platform.rest.est;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.smgwlite.pki.ca.IssuedCertificate;
import org.smgwlite.pki.est.EstWireFormat;
import org.smgwlite.pki.profile.CertificateProfile;
import org.smgwlite.platform.certificate.CertificateRefusedException;
import org.smgwlite.platform.certificate.CertificateRefusedException.Kind;
import org.smgwlite.platform.certificate.EnrollmentService;
import org.smgwlite.platform.rest.ClientCertificates;
import org.smgwlite.platform.rest.LimitedBody;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.shared.InputIds;

/**
 * EST (RFC 7030) with the tenant id as CA label: {@code /api/.well-known/est/<tenant>/cacerts},
 * {@code /simpleenroll} (HTTP Basic: gateway id and one-time enrollment code) and {@code /simplereenroll}
 * (the gateway's current client certificate, so on the device port). Requests are {@code application/pkcs10}
 * (base64 DER; PEM and raw DER are accepted too) of at most {@link EstWireFormat#MAX_REQUEST_BYTES}, refused with 413
 * while being read (before, if {@code Content-Length} says so); responses base64 certs-only CMS.
 */
@Path(".well-known/est/{tenant}")
public class EstResource {

    @Inject
    EnrollmentService enrollment;

    @Context
    HttpServletRequest request;

    @PathParam("tenant")
    String tenant;

    @GET
    @Path("cacerts")
    public Response cacerts() {
        return certsOnly(enrollment.caCertificates(InputIds.tenant(tenant)));
    }

    @POST
    @Path("simpleenroll")
    public Response simpleenroll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) {
        String[] credentials = basic(authorization);
        IssuedCertificate issued = enrollment.enroll(InputIds.tenant(tenant), credentials[0], credentials[1], csr(body),
                request.getRemoteAddr());
        return certsOnly(issued);
    }

    @POST
    @Path("simplereenroll")
    public Response simplereenroll(InputStream body) {
        return reenroll(body, CertificateProfile.GATEWAY_TLS);
    }

    /** The gateway's batch signature certificate (EST label {@code signature}), on the device port like renewal. */
    @POST
    @Path("signature/simplereenroll")
    public Response signatureEnroll(InputStream body) {
        return reenroll(body, CertificateProfile.GATEWAY_SIGNATURE);
    }

    private Response reenroll(InputStream body, CertificateProfile profile) {
        return certsOnly(enrollment.reenroll(InputIds.tenant(tenant), ClientCertificates.of(request), csr(body),
                request.getRemoteAddr(), profile));
    }

    private byte[] csr(InputStream body) {
        return LimitedBody.read(body, request.getContentLengthLong(), EstWireFormat.MAX_REQUEST_BYTES, "EST request");
    }

    /** The issued certificate followed by its issuing CA, so that a client can present the chain as it is. */
    private static Response certsOnly(IssuedCertificate issued) {
        List<X509Certificate> chain = new ArrayList<>(issued.fullChain());
        chain.remove(chain.size() - 1); // the root is the client's trust anchor, from /cacerts
        return certsOnly(chain);
    }

    private static Response certsOnly(List<X509Certificate> certificates) {
        return Response.ok(EstWireFormat.certsOnly(certificates), EstWireFormat.CERTS_ONLY_CONTENT_TYPE)
                .header("Content-Transfer-Encoding", EstWireFormat.CONTENT_TRANSFER_ENCODING)
                .build();
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new CertificateRefusedException(Kind.NOT_AUTHENTICATED, "NO_CREDENTIALS",
                    "simpleenroll needs HTTP Basic authentication: gateway id and enrollment code");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CertificateRefusedException(Kind.NOT_AUTHENTICATED, "NO_CREDENTIALS", "HTTP Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw new CertificateRefusedException(Kind.NOT_AUTHENTICATED, "NO_CREDENTIALS", "HTTP Basic credentials need gateway id and code");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
