package dev.billops.examples.spring;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Bearer tokens of this host: HS256 JWTs with {@code sub} (the user, who the audit log names),
 * {@code roles}, and optionally {@code tenant} and {@code client_id} (for role CLIENT). A real
 * deployment takes them from its identity provider; tests and {@link #main} mint them here.
 */
public final class Tokens {

    private Tokens() {
    }

    /** The HMAC key for a secret text. */
    static SecretKey key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A token for {@code subject} with {@code roles}, valid for {@code ttl}. */
    public static String mint(String secret, String subject, List<String> roles, @Nullable String tenant,
            @Nullable String clientId, Duration ttl) {
        Objects.requireNonNull(subject, "subject");
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", List.copyOf(roles))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        if (clientId != null) {
            claims.claim("client_id", clientId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign a token with this secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * Prints a token for local use: {@code Tokens <secret> <user> <ROLE>[,<ROLE>...] [client id]}, valid 12 hours.
     */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: Tokens <jwt secret> <user> <ROLE>[,ROLE...] [client id]");
            System.exit(2);
        }
        System.out.println(mint(args[0], args[1], List.of(args[2].split(",")), null, args.length > 3 ? args[3] : null,
                Duration.ofHours(12)));
    }
}
