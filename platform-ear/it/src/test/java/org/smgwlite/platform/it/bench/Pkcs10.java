package org.smgwlite.platform.it.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;

/**
 * A minimal PKCS#10 request (RFC 2986) for an EC key with subject {@code CN=<name>}, signed
 * ecdsa-with-SHA256, built with the JDK alone: what a gateway's firmware sends, without a process per CSR.
 */
final class Pkcs10 {

    private static final byte[] OID_CN = {0x06, 0x03, 0x55, 0x04, 0x03};
    private static final byte[] ECDSA_WITH_SHA256 = {0x30, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02};

    private Pkcs10() {
    }

    static byte[] request(KeyPair keys, String commonName) throws GeneralSecurityException {
        byte[] name = tlv(0x30, tlv(0x31, tlv(0x30, concat(OID_CN, tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8))))));
        byte[] info = tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, name, keys.getPublic().getEncoded(), new byte[] {(byte) 0xa0, 0x00}));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(info);
        byte[] signature = signer.sign();
        return tlv(0x30, concat(info, ECDSA_WITH_SHA256, tlv(0x03, concat(new byte[] {0x00}, signature))));
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
