package org.importdesk.engine.config;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The team lead's PIN as stored in the site file: {@code pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>}.
 * Administrators make one with {@code importdesk config hash-pin}.
 */
public record PinHash(int iterations, byte[] salt, byte[] hash) {
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int DEFAULT_ITERATIONS = 210_000;

    public PinHash {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("PIN hash uses " + iterations + " iterations; at least 1000 are required");
        }
        if (salt.length < 8 || hash.length < 16) {
            throw new IllegalArgumentException("PIN hash salt or hash is too short");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    public static PinHash parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(":");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("is not " + PREFIX + ":<iterations>:<salt>:<hash> (make one with `importdesk config hash-pin`)");
        }
        try {
            return new PinHash(Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iteration count '" + parts[1] + "' is not a number");
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("PIN hash")) {
                throw e;
            }
            throw new IllegalArgumentException("salt or hash is not base64");
        }
    }

    public static PinHash create(char[] pin) {
        if (pin.length < 4) {
            throw new IllegalArgumentException("a PIN has at least 4 characters");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new PinHash(DEFAULT_ITERATIONS, salt, derive(pin, salt, DEFAULT_ITERATIONS));
    }

    public boolean matches(char[] pin) {
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinHash p && p.iterations == iterations && Arrays.equals(p.salt, salt) && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * iterations + Arrays.hashCode(salt)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return PREFIX + " (" + iterations + " iterations)";
    }
}
