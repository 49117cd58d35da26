package org.smgwlite.agent.sml.structure;

import java.util.Arrays;

/**
 * A signature a meter attached, with the exact encoded bytes it covers as they appeared in the
 * unescaped SML file, so that the platform can verify it later with the meter's public key.
 * Which digest and curve apply is the meter scheme's business; this type only keeps the evidence.
 *
 * @param signature   the signature octets as sent
 * @param signedBytes the encoded SML element(s) the signature belongs to
 */
public record SignedBytes(byte[] signature, byte[] signedBytes) {

    static SignedBytes of(byte[] signature, byte[] source, int from, int to) {
        return new SignedBytes(signature, Arrays.copyOfRange(source, from, to));
    }
}
