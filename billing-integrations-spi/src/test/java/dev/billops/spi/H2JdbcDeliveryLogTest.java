package dev.billops.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class H2JdbcDeliveryLogTest extends JdbcDeliveryLogTests {

    /** The settings JdbcStores uses, so the log's connections and the migrated store's agree. */
    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final JdbcBillingStore store;

    H2JdbcDeliveryLogTest() {
        String url = "jdbc:h2:mem:delivery-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS;
        h2.setURL(url);
        h2.setUser("sa");
        store = JdbcStores.of(url);
        store.migrator().migrate();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void create_databaseWithoutTheBillOpsSchema_failsNamingTheMigrationAndCreatesNothing() throws Exception {
        JdbcDataSource bare = new JdbcDataSource();
        bare.setURL("jdbc:h2:mem:bare-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS);
        PluginException e = assertThrows(PluginException.class, () -> JdbcDeliveryLog.create(bare));
        assertTrue(e.getMessage().contains("V4__plugin_delivery.sql"), e.getMessage());
        try (Connection c = bare.getConnection();
                ResultSet tables = c.getMetaData().getTables(null, null, JdbcDeliveryLog.TABLE, null)) {
            assertFalse(tables.next(), "the log created its table itself");
        }
    }

    @Override
    DataSource dataSource() {
        return h2;
    }

    @Test
    void create_databaseUnreachable_pluginExceptionNamingTheTable() {
        JdbcDataSource nowhere = new JdbcDataSource();
        nowhere.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing");
        PluginException e = assertThrows(PluginException.class, () -> JdbcDeliveryLog.create(nowhere));
        assertTrue(e.getMessage().contains(JdbcDeliveryLog.TABLE), e.getMessage());
    }
}
