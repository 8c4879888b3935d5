package dev.billops.spring;

import dev.billops.spi.PluginConfig;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns {@code billops.plugins.<id>.*} into a {@link PluginConfig}, and tells which keys are secrets. */
final class PluginSettings {

    /** Keys that name a credential, in a setting's key or a property path. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|key|webhook|auth).*");
    /** A property path under a plugin's secrets map, or a plugin setting that names a credential. */
    private static final Pattern SECRET_PROPERTY = Pattern.compile(
            "(?i)billops\\.plugins\\.[^.]+\\.(secrets\\..+|settings\\..*(password|passwd|secret|token|credential|key|webhook|auth).*)");

    private PluginSettings() {
    }

    /** Whether a setting with this key is treated as a secret. */
    static boolean looksSecret(String key) {
        return CREDENTIAL.matcher(key).matches();
    }

    /** Whether the configuration property at this path holds a plugin secret. */
    static boolean isSecretProperty(String path) {
        return SECRET_PROPERTY.matcher(path).matches();
    }

    static PluginConfig config(String id, BillOpsProperties.Plugin plugin) {
        Map<String, String> values = new LinkedHashMap<>(plugin.getSettings());
        Set<String> secret = new LinkedHashSet<>();
        for (String key : plugin.getSettings().keySet()) {
            if (looksSecret(key)) {
                secret.add(key);
            }
        }
        values.putAll(plugin.getSecrets());
        secret.addAll(plugin.getSecrets().keySet());
        return PluginConfig.of(id, values, secret);
    }
}
