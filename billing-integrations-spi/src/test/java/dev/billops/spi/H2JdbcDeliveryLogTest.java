package dev.billops.spi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class H2JdbcDeliveryLogTest extends JdbcDeliveryLogTests {

    private final JdbcDataSource h2 = new JdbcDataSource();

    H2JdbcDeliveryLogTest() {
        h2.setURL("jdbc:h2:mem:delivery-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
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
