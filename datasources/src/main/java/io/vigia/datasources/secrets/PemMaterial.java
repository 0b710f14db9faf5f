package io.vigia.datasources.secrets;

import io.vigia.datasources.http.RemoteException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys. The JDK reads X.509 certificates itself but has no
 * non-preview PEM private-key reader, and pulling in BouncyCastle for two key formats is heavy,
 * so the unencrypted PKCS#8 and PKCS#1 (RSA) forms are decoded here; other forms get an error
 * that says how to convert them.
 */
public final class PemMaterial {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private PemMaterial() {
    }

    public static List<X509Certificate> certificates(String pem, String what) {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw configError(what + " contains no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw configError(what + " contains no certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw new RemoteException(RemoteException.Kind.CONFIGURATION, 0,
                    what + " is not a valid PEM certificate: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String pem, String what) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, what);
                case "RSA PRIVATE KEY":
                    return pkcs8(wrapPkcs1Rsa(der), what);
                case "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY":
                    throw configError(what + " is a '" + type + "' block, which Vigia does not read; convert it to"
                            + " unencrypted PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem)"
                            + " or use a PKCS#12 file");
                default:
                    // a certificate in the same file: keep looking
            }
        }
        throw configError(what + " contains no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(byte[] der, String what) {
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "Ed448", "DSA"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // try the next algorithm
            }
        }
        throw configError(what + " is not an RSA, EC or EdDSA PKCS#8 private key");
    }

    /** PKCS#1 RSAPrivateKey wrapped into a PKCS#8 PrivateKeyInfo with the rsaEncryption OID. */
    private static byte[] wrapPkcs1Rsa(byte[] pkcs1) {
        byte[] algId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        ByteArrayOutputStream octet = new ByteArrayOutputStream();
        octet.write(0x04);
        writeLength(octet, pkcs1.length);
        octet.writeBytes(pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algId);
        body.writeBytes(octet.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int len) {
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write((len >> 8) & 0xff);
            out.write(len & 0xff);
        }
    }

    private static RemoteException configError(String message) {
        return new RemoteException(RemoteException.Kind.CONFIGURATION, 0, message);
    }
}
