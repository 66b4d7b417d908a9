package dev.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * RS256 tokens shaped like Keycloak's (realm roles under realm_access.roles, the API as audience), signed with a
 * key generated for the test, and the OIDC settings that make a packaged service trust that key.
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.example.com/realms/rapport";
    private final KeyPair key;

    private TestTokens(KeyPair key) {
        this.key = key;
    }

    public static TestTokens create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestTokens(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A verification key instead of a reachable Keycloak: the token checks are the same. */
    public Map<String, String> oidcEnv() {
        Map<String, String> env = new HashMap<>();
        env.put(
                "QUARKUS_OIDC_PUBLIC_KEY",
                Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", ISSUER);
        return env;
    }

    public String token(String role, Instant expiresAt) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"rapport-api\",\"sub\":\"" + role + "-1\","
                + "\"preferred_username\":\"" + role + "-user\",\"iat\":" + (expiresAt.getEpochSecond() - 600)
                + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}}";
        String payload = url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.getPrivate());
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + url.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
