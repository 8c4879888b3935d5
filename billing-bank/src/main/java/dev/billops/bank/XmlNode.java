package dev.billops.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An element of a parsed statement, by local name (namespaces are ignored). Not thread-safe while built. */
final class XmlNode {

    final String name;
    final String namespace;
    final int line;
    final @Nullable XmlNode parent;
    final Map<String, String> attributes = new HashMap<>();
    final List<XmlNode> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    XmlNode(String name, String namespace, int line, @Nullable XmlNode parent) {
        this.name = name;
        this.namespace = namespace;
        this.line = line;
        this.parent = parent;
    }

    /** The first child named {@code childName}, or null. */
    @Nullable XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** Every child named {@code childName}, in order. */
    List<XmlNode> all(String childName) {
        List<XmlNode> found = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                found.add(c);
            }
        }
        return found;
    }

    /** The element at {@code path} below this one (first match at each step), or null. */
    @Nullable XmlNode at(String... path) {
        XmlNode n = this;
        for (String step : path) {
            n = n.child(step);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** The stripped text at {@code path}, or null when absent or blank. */
    @Nullable String text(String... path) {
        XmlNode n = at(path);
        if (n == null) {
            return null;
        }
        String t = n.text.toString().strip();
        return t.isEmpty() ? null : t;
    }

    /** The first non-blank text of the alternative paths (each a slash-separated path), or null. */
    @Nullable String firstText(String... paths) {
        for (String p : paths) {
            String t = text(p.split("/"));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Where this element is, for messages: {@code line 40, element Stmt/Ntry/Amt}. */
    String where() {
        StringBuilder path = new StringBuilder(name);
        XmlNode p = parent;
        int steps = 0;
        while (p != null && p.parent != null && steps < 3) {
            path.insert(0, p.name + "/");
            p = p.parent;
            steps++;
        }
        return "line " + line + ", element " + path;
    }
}
