package dev.billops.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the keys and indexes of one schema from the database catalog and names every table or
 * constraint that stops the schema from being distributed by {@code tenant_id}, or that lets the
 * planner take a secondary index for a primary-key lookup:
 *
 * <ul>
 *   <li>a table without a primary key, or whose primary key does not start with tenant_id;</li>
 *   <li>a unique constraint or unique index without tenant_id;</li>
 *   <li>a foreign key without tenant_id, or that references anything but the parent's whole
 *       primary key, tenant_id to tenant_id;</li>
 *   <li>a unique constraint or secondary index whose first column is tenant_id.</li>
 * </ul>
 *
 * Keys come from {@code information_schema} (PostgreSQL and H2 alike); non-constraint indexes
 * from {@code pg_index} or H2's {@code INFORMATION_SCHEMA.INDEX_COLUMNS}.
 */
final class TenantKeyCatalog {

    static final String TENANT = "tenant_id";

    private final Connection c;
    private final String schema;
    private final boolean postgres;

    TenantKeyCatalog(Connection c, String schema) throws SQLException {
        this.c = c;
        this.schema = schema;
        this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** The base tables of the schema, lower case. */
    List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = query("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name", schema)) {
            while (rs.next()) {
                out.add(lower(rs.getString(1)));
            }
        }
        return out;
    }

    /** One line per broken rule, sorted; tables in {@code global} are not checked. */
    List<String> violations(Set<String> global) throws SQLException {
        Map<String, Constraint> constraints = constraints();
        List<String> out = new ArrayList<>();
        for (String table : tables()) {
            if (global.contains(table)) {
                continue;
            }
            Constraint pk = constraints.values().stream()
                    .filter(k -> k.table().equals(table) && k.type().equals("PRIMARY KEY")).findFirst().orElse(null);
            if (pk == null) {
                out.add(table + ": no primary key");
            } else if (!pk.columns().get(0).equals(TENANT)) {
                out.add(table + ": primary key " + pk.name() + " " + pk.columns() + " does not start with tenant_id");
            }
        }
        for (Constraint k : constraints.values()) {
            if (global.contains(k.table())) {
                continue;
            }
            if (k.type().equals("UNIQUE") && !k.columns().contains(TENANT)) {
                out.add(k.table() + ": unique constraint " + k.name() + " " + k.columns() + " lacks tenant_id");
            } else if (k.type().equals("UNIQUE") && k.columns().get(0).equals(TENANT)) {
                out.add(k.table() + ": unique constraint " + k.name() + " " + k.columns()
                        + " leads with tenant_id and competes with the primary key for lookups by it");
            } else if (k.type().equals("FOREIGN KEY")) {
                Constraint target = constraints.get(k.referenced());
                if (!k.columns().contains(TENANT)) {
                    out.add(k.table() + ": foreign key " + k.name() + " " + k.columns() + " lacks tenant_id");
                } else if (target == null || !target.type().equals("PRIMARY KEY")) {
                    out.add(k.table() + ": foreign key " + k.name() + " references " + k.referenced()
                            + ", not a primary key");
                } else if (!target.columns().equals(k.referencedColumns())
                        || k.columns().indexOf(TENANT) != target.columns().indexOf(TENANT)) {
                    out.add(k.table() + ": foreign key " + k.name() + " " + k.columns() + " does not match "
                            + target.name() + " " + target.columns() + " tenant_id to tenant_id");
                }
            }
        }
        for (Index ix : indexes()) {
            if (global.contains(ix.table()) || constraints.containsKey(ix.name()) || backsKey(ix, constraints)
                    || !postgres && backsForeignKey(ix, constraints)) {
                continue;
            }
            if (ix.unique() && !ix.columns().contains(TENANT)) {
                out.add(ix.table() + ": unique index " + ix.name() + " " + ix.columns() + " lacks tenant_id");
            } else if (ix.columns().get(0).equals(TENANT)) {
                out.add(ix.table() + ": index " + ix.name() + " " + ix.columns()
                        + " leads with tenant_id and competes with the primary key for lookups by it");
            }
        }
        out.sort(null);
        return out;
    }

    /** Whether {@code ix} is the index of a primary key or unique constraint (H2 names them apart). */
    private static boolean backsKey(Index ix, Map<String, Constraint> constraints) {
        return ix.unique() && constraints.values().stream().anyMatch(k -> k.table().equals(ix.table())
                && !k.type().equals("FOREIGN KEY") && k.columns().equals(ix.columns()));
    }

    /**
     * Whether {@code ix} is the index H2 creates for the referencing side of a foreign key. H2 makes
     * one per foreign key whatever other index covers the columns; its planner prefers the index
     * that matches more columns, so it does not compete with the primary key.
     */
    private static boolean backsForeignKey(Index ix, Map<String, Constraint> constraints) {
        return !ix.unique() && constraints.values().stream().anyMatch(k -> k.table().equals(ix.table())
                && k.type().equals("FOREIGN KEY") && k.columns().equals(ix.columns()));
    }

    private record Constraint(String name, String table, String type, List<String> columns, String referenced,
            List<String> referencedColumns) {}

    private record Index(String name, String table, boolean unique, List<String> columns) {}

    /** Primary keys, unique constraints and foreign keys by name, with their columns in key order. */
    private Map<String, Constraint> constraints() throws SQLException {
        Map<String, String[]> heads = new LinkedHashMap<>();
        try (ResultSet rs = query("SELECT tc.constraint_name, tc.table_name, tc.constraint_type, "
                + "rc.unique_constraint_name FROM information_schema.table_constraints tc "
                + "LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_schema = tc.constraint_schema "
                + "AND rc.constraint_name = tc.constraint_name WHERE tc.table_schema = ? "
                + "AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')", schema)) {
            while (rs.next()) {
                heads.put(lower(rs.getString(1)), new String[] {lower(rs.getString(2)), rs.getString(3),
                    rs.getString(4) == null ? "" : lower(rs.getString(4))});
            }
        }
        Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Integer>> positions = new LinkedHashMap<>();
        try (ResultSet rs = query("SELECT constraint_name, column_name, ordinal_position, position_in_unique_constraint "
                + "FROM information_schema.key_column_usage WHERE constraint_schema = ?", schema)) {
            while (rs.next()) {
                String name = lower(rs.getString(1));
                columns.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt(3), lower(rs.getString(2)));
                int inUnique = rs.getInt(4);
                if (!rs.wasNull()) {
                    positions.computeIfAbsent(name, n -> new TreeMap<>()).put(rs.getInt(3), inUnique);
                }
            }
        }
        Map<String, Constraint> out = new LinkedHashMap<>();
        heads.forEach((name, h) -> out.put(name, new Constraint(name, h[0], h[1],
                List.copyOf(columns.getOrDefault(name, new TreeMap<>()).values()), h[2], List.of())));
        // a foreign key's referenced columns, in its own column order
        for (Constraint k : List.copyOf(out.values())) {
            Constraint target = out.get(k.referenced());
            if (k.type().equals("FOREIGN KEY") && target != null) {
                List<String> referenced = new ArrayList<>();
                for (int p : positions.getOrDefault(k.name(), new TreeMap<>()).values()) {
                    referenced.add(p >= 1 && p <= target.columns().size() ? target.columns().get(p - 1) : "?");
                }
                out.put(k.name(), new Constraint(k.name(), k.table(), k.type(), k.columns(), k.referenced(),
                        referenced));
            }
        }
        return out;
    }

    private List<Index> indexes() throws SQLException {
        Map<String, Index> out = new LinkedHashMap<>();
        String sql = postgres
                ? "SELECT i.relname, t.relname, x.indisunique, a.attname, k.ord FROM pg_index x "
                        + "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                        + "JOIN pg_namespace n ON n.oid = t.relnamespace "
                        + "CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
                        + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
                        + "WHERE n.nspname = ? ORDER BY i.relname, k.ord"
                : "SELECT ic.index_name, ic.table_name, i.index_type_name <> 'INDEX', ic.column_name, "
                        + "ic.ordinal_position FROM information_schema.index_columns ic "
                        + "JOIN information_schema.indexes i ON i.index_schema = ic.index_schema "
                        + "AND i.index_name = ic.index_name WHERE ic.index_schema = ? "
                        + "ORDER BY ic.index_name, ic.ordinal_position";
        try (ResultSet rs = query(sql, schema)) {
            while (rs.next()) {
                String name = lower(rs.getString(1));
                Index ix = out.computeIfAbsent(name, n -> {
                    try {
                        return new Index(n, lower(rs.getString(2)), rs.getBoolean(3), new ArrayList<>());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ix.columns().add(lower(rs.getString(4)));
            }
        }
        return List.copyOf(out.values());
    }

    private ResultSet query(String sql, String param) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, param);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
