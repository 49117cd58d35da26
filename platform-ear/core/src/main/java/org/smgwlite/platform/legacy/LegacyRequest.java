package org.smgwlite.platform.legacy;

import java.util.Map;

/**
 * One request of an SMGW.Lite gateway as the endpoint received it: the query's {@code ID}, the token (header
 * {@code X-Auth-Token}, or the oldest firmware's {@code token} query parameter), the client's address (for the failure
 * limit), the whole query (URL-decoded, one value each) and the body, read up to
 * {@link RingBufferDecoder#MAX_BODY_BYTES}.
 */
public record LegacyRequest(String deviceId, String token, String address, Map<String, String> query, byte[] body) {

    public LegacyRequest {
        query = Map.copyOf(query);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "LegacyRequest[" + deviceId + ", ****, " + address + ", " + body.length + " bytes]";
    }
}
