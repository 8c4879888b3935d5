-- BillOps schema, version 4, for H2 (PostgreSQL mode): the plugin delivery log.
-- JdbcDeliveryLog (billing-integrations-spi) records which receiver was handed which outbox event,
-- so a redelivered event is not given to the same plugin twice. Until version 4 the log created this
-- table itself at run time; IF NOT EXISTS keeps databases where it did so migratable.

CREATE TABLE IF NOT EXISTS billops_plugin_delivery (
    receiver     VARCHAR(200) NOT NULL,
    event_id     VARCHAR(64) NOT NULL,
    delivered_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_billops_plugin_delivery PRIMARY KEY (receiver, event_id)
);
CREATE INDEX IF NOT EXISTS ix_billops_plugin_delivery_delivered_at ON billops_plugin_delivery (delivered_at);
