package dev.billops.examples.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code billops.host.*}: the key that signs and checks bearer tokens (HMAC-SHA256, at least 32
 * bytes) and the tenant of tokens that name none.
 *
 * @param jwtSecret the HMAC key, as text of at least 32 characters
 * @param defaultTenant the tenant of a token without a {@code tenant} claim
 */
@ConfigurationProperties(prefix = "billops.host")
public record HostProperties(String jwtSecret, String defaultTenant) {

    public HostProperties {
        if (jwtSecret == null || jwtSecret.length() < 32) {
            throw new IllegalArgumentException("billops.host.jwt-secret must be at least 32 characters");
        }
        if (defaultTenant == null || defaultTenant.isBlank()) {
            defaultTenant = "acme";
        }
    }

    @Override
    public String toString() {
        return "HostProperties[jwtSecret=****, defaultTenant=" + defaultTenant + "]";
    }
}
