package dev.billops.pdf;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The printed words of one document, from {@code dev/billops/pdf/labels*.properties}.
 *
 * <p>Looks up the document's language only, then English: never the JVM's default locale, so a
 * document reads the same on every server.
 */
final class Labels {

    private static final String BUNDLE = "dev.billops.pdf.labels";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private Labels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static Labels of(Locale locale) {
        return new Labels(ResourceBundle.getBundle(BUNDLE, locale, Labels.class.getClassLoader(), NO_DEFAULT_LOCALE));
    }

    /** The label; a missing key is a bug in the bundles, reported with the key. */
    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("label '" + key + "' is missing from " + BUNDLE, e);
        }
    }

    /** The label, or {@code fallback} when the bundles have none for {@code key}. */
    String getOrDefault(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** The label with {@code {0}}, {@code {1}}, … replaced by the arguments, verbatim. */
    String format(String key, String... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", args[i]);
        }
        return text;
    }
}
