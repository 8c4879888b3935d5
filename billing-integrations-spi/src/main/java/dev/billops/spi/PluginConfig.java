package dev.billops.spi;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The host's configuration of one plugin: string values by key, read through typed accessors
 * that throw {@link PluginConfigurationException} naming the key when a value is missing or
 * malformed. Keys named as secrets (tokens, passwords, webhook URLs) are only readable through
 * {@link #secret} and are masked by {@link #toString()}.
 *
 * <p>Durations are ISO-8601 ({@code PT10S}) or a number with a unit: {@code 500ms}, {@code 10s},
 * {@code 2m}. Immutable and thread-safe.
 */
public final class PluginConfig {

    private static final PluginConfig EMPTY = new PluginConfig("", Map.of(), Set.of());

    private final String pluginId;
    private final Map<String, String> values;
    private final Set<String> secretKeys;

    private PluginConfig(String pluginId, Map<String, String> values, Set<String> secretKeys) {
        this.pluginId = pluginId;
        this.values = values;
        this.secretKeys = secretKeys;
    }

    /** A configuration with no values. */
    public static PluginConfig empty() {
        return EMPTY;
    }

    /** Plain (non-secret) values for {@code pluginId}. */
    public static PluginConfig of(String pluginId, Map<String, String> values) {
        return of(pluginId, values, Set.of());
    }

    /** Values for {@code pluginId}, of which those under {@code secretKeys} are secrets. */
    public static PluginConfig of(String pluginId, Map<String, String> values, Set<String> secretKeys) {
        Objects.requireNonNull(pluginId, "pluginId");
        Map<String, String> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value of " + k)));
        return new PluginConfig(pluginId, Collections.unmodifiableMap(copy),
                Collections.unmodifiableSet(new TreeSet<>(secretKeys)));
    }

    /** This configuration with {@code key} set to {@code value} (plain). */
    public PluginConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new PluginConfig(pluginId, Collections.unmodifiableMap(copy), secretKeys);
    }

    /** This configuration with {@code key} set to the secret {@code value}. */
    public PluginConfig withSecret(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        Set<String> keys = new TreeSet<>(secretKeys);
        keys.add(key);
        return new PluginConfig(pluginId, Collections.unmodifiableMap(copy), Collections.unmodifiableSet(keys));
    }

    /** The same values for another plugin id (used by the registry). */
    public PluginConfig forPlugin(String id) {
        return new PluginConfig(Objects.requireNonNull(id, "id"), values, secretKeys);
    }

    public String pluginId() {
        return pluginId;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A plain value, if set. Throws for a secret key: read secrets with {@link #secret}. */
    public Optional<String> string(String key) {
        if (secretKeys.contains(key)) {
            throw new PluginConfigurationException(pluginId, key, "is a secret; read it with secret()");
        }
        return Optional.ofNullable(values.get(key));
    }

    /** A plain value that must be set. */
    public String requireString(String key) {
        return string(key).orElseThrow(() -> new PluginConfigurationException(pluginId, key, "is required"));
    }

    /** A secret that must be set (under a secret or a plain key). */
    public Secret secret(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new PluginConfigurationException(pluginId, key, "is required");
        }
        return Secret.of(v);
    }

    /** An optional secret. */
    public Optional<Secret> optionalSecret(String key) {
        return Optional.ofNullable(values.get(key)).map(Secret::of);
    }

    public int integer(String key, int defaultValue) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get().trim());
        } catch (NumberFormatException e) {
            throw new PluginConfigurationException(pluginId, key, "is not an integer: '" + v.get() + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> v = string(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return switch (v.get().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new PluginConfigurationException(pluginId, key, "is not a boolean: '" + v.get() + "'");
        };
    }

    public Duration duration(String key, Duration defaultValue) {
        Optional<String> v = string(key);
        return v.isEmpty() ? defaultValue : parseDuration(key, v.get().trim());
    }

    public Optional<URI> uri(String key) {
        return string(key).map(v -> {
            try {
                return URI.create(v.trim());
            } catch (IllegalArgumentException e) {
                throw new PluginConfigurationException(pluginId, key, "is not a URI: '" + v + "'");
            }
        });
    }

    public Optional<Path> path(String key) {
        return string(key).map(v -> Path.of(v.trim()));
    }

    private Duration parseDuration(String key, String v) {
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                return Duration.parse(v);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1).trim());
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException(v);
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new PluginConfigurationException(pluginId, key, "is not a duration: '" + v + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginConfig c && c.pluginId.equals(pluginId) && c.values.equals(values)
                && c.secretKeys.equals(secretKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pluginId, values, secretKeys);
    }

    /** Every key with its value, secrets masked. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PluginConfig[").append(pluginId).append(": ");
        String sep = "";
        for (Map.Entry<String, String> e : values.entrySet()) {
            b.append(sep).append(e.getKey()).append('=')
                    .append(secretKeys.contains(e.getKey()) ? "****" : e.getValue());
            sep = ", ";
        }
        return b.append(']').toString();
    }
}
