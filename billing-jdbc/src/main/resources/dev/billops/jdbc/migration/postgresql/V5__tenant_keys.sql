-- BillOps schema, version 5, for PostgreSQL: keys that let a host distribute every table by tenant_id,
-- and secondary indexes the planner cannot take for a primary-key lookup.
-- Every primary key starts with tenant_id; every unique constraint and foreign key includes it.
-- Only primary keys lead with tenant_id. A secondary index on (tenant_id, x) matches
-- "tenant_id = ? AND id = ?" on its first column, and while a table is young or empty the planner
-- costs it the same as the primary key; breaking the tie it took the secondary index and then read
-- every row of the tenant per lookup (foreign-key checks of invoice child rows, claims of billed
-- entries, updates of time entries by id). Secondary indexes therefore lead with their own column.

ALTER TABLE billops_audit_log DROP CONSTRAINT pk_billops_audit_log;
ALTER TABLE billops_audit_log ADD CONSTRAINT pk_billops_audit_log PRIMARY KEY (tenant_id, seq);
DROP INDEX ix_billops_audit_log_entity;
CREATE INDEX ix_billops_audit_log_entity ON billops_audit_log (entity_id, entity_type, tenant_id, seq);

-- dispatchers update claimed events by seq across tenants: ix_billops_outbox_seq serves them
ALTER TABLE billops_outbox DROP CONSTRAINT pk_billops_outbox;
ALTER TABLE billops_outbox ADD CONSTRAINT pk_billops_outbox PRIMARY KEY (tenant_id, seq);
CREATE INDEX ix_billops_outbox_seq ON billops_outbox (seq);
ALTER TABLE billops_outbox DROP CONSTRAINT uq_billops_outbox_event;
ALTER TABLE billops_outbox ADD CONSTRAINT uq_billops_outbox_event UNIQUE (event_id, tenant_id);

DROP INDEX ix_billops_project_client;
CREATE INDEX ix_billops_project_client ON billops_project (client_id, tenant_id);

ALTER TABLE billops_time_entry DROP CONSTRAINT uq_billops_time_entry_uid;
ALTER TABLE billops_time_entry ADD CONSTRAINT uq_billops_time_entry_uid UNIQUE (external_uid, tenant_id);
DROP INDEX ix_billops_time_entry_date;
CREATE INDEX ix_billops_time_entry_date ON billops_time_entry (start_date, tenant_id, start_at);
DROP INDEX ix_billops_time_entry_project;
CREATE INDEX ix_billops_time_entry_project ON billops_time_entry (project_id, tenant_id, start_date);

-- uq_billops_invoice_number, led by number, also serves lookups by number alone
ALTER TABLE billops_invoice DROP CONSTRAINT uq_billops_invoice_number;
ALTER TABLE billops_invoice ADD CONSTRAINT uq_billops_invoice_number UNIQUE (number, series, tenant_id);
DROP INDEX ix_billops_invoice_number;
ALTER TABLE billops_invoice DROP CONSTRAINT uq_billops_invoice_period;
ALTER TABLE billops_invoice ADD CONSTRAINT uq_billops_invoice_period
    UNIQUE (engagement_id, package_period_start, tenant_id);
DROP INDEX ix_billops_invoice_client;
CREATE INDEX ix_billops_invoice_client ON billops_invoice (client_id, tenant_id);
DROP INDEX ix_billops_invoice_credited;
CREATE INDEX ix_billops_invoice_credited ON billops_invoice (credited_invoice_id, tenant_id);

DROP INDEX ix_billops_billed_entry_invoice;
CREATE INDEX ix_billops_billed_entry_invoice ON billops_billed_entry (invoice_id, tenant_id);

ALTER TABLE billops_payment DROP CONSTRAINT uq_billops_payment_key;
ALTER TABLE billops_payment ADD CONSTRAINT uq_billops_payment_key UNIQUE (idempotency_key, tenant_id);
DROP INDEX ix_billops_payment_client;
CREATE INDEX ix_billops_payment_client ON billops_payment (client_id, tenant_id);

DROP INDEX ix_billops_payment_allocation_invoice;
CREATE INDEX ix_billops_payment_allocation_invoice ON billops_payment_allocation (invoice_id, tenant_id);

DROP INDEX ix_billops_engagement_client;
CREATE INDEX ix_billops_engagement_client ON billops_engagement (client_id, tenant_id);
