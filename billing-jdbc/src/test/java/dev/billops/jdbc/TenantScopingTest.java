package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation by construction: every statement the port implementations run names the
 * tenant column, so no port method can read or write another tenant's rows. (The testkit's
 * isolation contract checks the behaviour; this checks that no statement was forgotten.)
 */
class TenantScopingTest {

    private static final Path INTERNAL = Path.of("src/main/java/dev/billops/jdbc/internal");
    private static final Pattern STATEMENT = Pattern.compile("(createQuery|createUpdate|prepareBatch)\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyStatementOfEveryPort_bindsTheSessionTenant() throws IOException {
        List<String> statements = new ArrayList<>();
        try (Stream<Path> files = Files.list(INTERNAL)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("Jdbc")
                    || f.getFileName().toString().equals("InvoiceChildren.java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher m = STATEMENT.matcher(source);
                while (m.find()) {
                    int end = endOfSql(source, m.end());
                    StringBuilder sql = new StringBuilder();
                    Matcher lit = LITERAL.matcher(source.substring(m.end(), end));
                    while (lit.find()) {
                        sql.append(lit.group(1));
                    }
                    // constants named in the call (e.g. a shared INSERT) count with their text
                    Matcher constant = Pattern.compile("\\b([A-Z][A-Z_]{2,})\\b").matcher(source.substring(m.end(), end));
                    while (constant.find()) {
                        Matcher def = Pattern.compile("static final String " + constant.group(1) + " = ([^;]*);")
                                .matcher(source);
                        if (def.find()) {
                            Matcher parts = LITERAL.matcher(def.group(1));
                            while (parts.find()) {
                                sql.append(parts.group(1));
                            }
                        }
                    }
                    if (source.substring(m.end(), end).contains("KeyLookup.rows(")) {
                        // the FROM item KeyLookup builds filters by the tenant (checked below)
                        sql.append(" /* KeyLookup: tenant_id = :t */");
                    }
                    String text = sql.toString();
                    if (text.isEmpty()) {
                        // SQL built in a StringBuilder (optional filters): its fixed start carries the tenant
                        assertTrue(source.matches("(?s).*new StringBuilder\\(\"SELECT \\* FROM billops_\\w+ WHERE tenant_id = :t.*"),
                                () -> file.getFileName() + " builds SQL that does not start with the tenant filter");
                        continue;
                    }
                    statements.add(file.getFileName() + ": " + text);
                    assertTrue(text.contains("tenant_id = :t") || text.contains("WHERE tenant_id = :t")
                            || text.matches("(?s).*INSERT INTO billops_\\w+ \\(tenant_id,.*"),
                            () -> file.getFileName() + " runs a statement without the tenant: " + text);
                }
            }
        }
        assertTrue(statements.size() > 80, "found the statements: " + statements.size());
        String lookup = Files.readString(INTERNAL.resolve("KeyLookup.java"));
        assertEquals(2, countMatches(lookup, "\\.tenant_id = :t AND "), "both forms of KeyLookup.rows filter by tenant");
    }

    @Test
    void everyInsert_writesTheTenantColumnFirst() throws IOException {
        int inserts = 0;
        try (Stream<Path> files = Files.list(INTERNAL)) {
            for (Path file : files.toList()) {
                String source = Files.readString(file);
                inserts += countMatches(source, "INSERT INTO billops_");
                assertEquals(countMatches(source, "INSERT INTO billops_"),
                        countMatches(source, "INSERT INTO billops_\\w+ \\(tenant_id, "),
                        file + " inserts a row without the tenant first");
            }
        }
        assertTrue(inserts >= 15, "inserts found: " + inserts);
    }

    private static int countMatches(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Where the SQL argument of a call ends: its closing parenthesis, skipping string literals. */
    private static int endOfSql(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                while (s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced call at " + from);
    }
}
