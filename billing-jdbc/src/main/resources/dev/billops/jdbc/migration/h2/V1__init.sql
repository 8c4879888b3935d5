-- BillOps schema, version 1, for H2 2.3 (PostgreSQL mode).
-- Conventions: every table is prefixed billops_ and keyed by tenant_id first; money is NUMERIC(24,4)
-- beside its ISO currency code; unit prices NUMERIC(26,8); other exact decimals NUMERIC(38,18) with
-- their original scale in a *_scale column; durations are NUMERIC(30,9) seconds; instants are UTC
-- TIMESTAMP(6), with the nano-of-second in *_nanos where sub-microsecond precision must survive.

CREATE TABLE billops_tenant (
    tenant_id              VARCHAR(64) NOT NULL,
    name                   VARCHAR(1000) NOT NULL,
    address_line1          VARCHAR(1000),
    address_line2          VARCHAR(1000),
    address_line3          VARCHAR(1000),
    postal_code            VARCHAR(64) NOT NULL,
    city                   VARCHAR(1000) NOT NULL,
    country_code           VARCHAR(2) NOT NULL,
    vat_id                 VARCHAR(64),
    email                  VARCHAR(320),
    iban                   VARCHAR(64),
    bic                    VARCHAR(16),
    default_vat_rate       NUMERIC(38,18) NOT NULL,
    default_vat_rate_scale SMALLINT NOT NULL,
    CONSTRAINT pk_billops_tenant PRIMARY KEY (tenant_id)
);

CREATE TABLE billops_client (
    tenant_id          VARCHAR(64) NOT NULL,
    id                 VARCHAR(64) NOT NULL,
    name               VARCHAR(1000) NOT NULL,
    address_line1      VARCHAR(1000),
    address_line2      VARCHAR(1000),
    address_line3      VARCHAR(1000),
    postal_code        VARCHAR(64) NOT NULL,
    city               VARCHAR(1000) NOT NULL,
    country_code       VARCHAR(2) NOT NULL,
    vat_id             VARCHAR(64),
    email              VARCHAR(320),
    currency           VARCHAR(3) NOT NULL,
    payment_terms_days INTEGER NOT NULL,
    locale             VARCHAR(100) NOT NULL,
    tax_profile        VARCHAR(32) NOT NULL,
    exemption_reason   VARCHAR(4000),
    autopay_enabled    BOOLEAN NOT NULL,
    payment_method_ref VARCHAR(1000),
    active             BOOLEAN NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT pk_billops_client PRIMARY KEY (tenant_id, id)
);

CREATE TABLE billops_timekeeper (
    tenant_id VARCHAR(64) NOT NULL,
    id        VARCHAR(64) NOT NULL,
    name      VARCHAR(1000) NOT NULL,
    email     VARCHAR(320),
    active    BOOLEAN NOT NULL,
    CONSTRAINT pk_billops_timekeeper PRIMARY KEY (tenant_id, id)
);

CREATE TABLE billops_activity (
    tenant_id VARCHAR(64) NOT NULL,
    id        VARCHAR(64) NOT NULL,
    name      VARCHAR(1000) NOT NULL,
    billable  BOOLEAN NOT NULL,
    CONSTRAINT pk_billops_activity PRIMARY KEY (tenant_id, id)
);

CREATE TABLE billops_project (
    tenant_id                  VARCHAR(64) NOT NULL,
    id                         VARCHAR(64) NOT NULL,
    client_id                  VARCHAR(64) NOT NULL,
    name                       VARCHAR(1000) NOT NULL,
    code                       VARCHAR(200),
    status                     VARCHAR(16) NOT NULL,
    budget_hours_seconds       NUMERIC(30,9),
    budget_amount              NUMERIC(24,4),
    budget_currency            VARCHAR(3),
    budget_period              VARCHAR(16),
    rounding_increment_seconds NUMERIC(30,9) NOT NULL,
    rounding_direction         VARCHAR(16) NOT NULL,
    rounding_minimum_seconds   NUMERIC(30,9) NOT NULL,
    rounding_scope             VARCHAR(32) NOT NULL,
    billable_by_default        BOOLEAN NOT NULL,
    vat_rate                   NUMERIC(38,18),
    vat_rate_scale             SMALLINT,
    version                    BIGINT NOT NULL,
    CONSTRAINT pk_billops_project PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_billops_project_client ON billops_project (tenant_id, client_id);

CREATE TABLE billops_rate_rule (
    tenant_id      VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    client_id      VARCHAR(64),
    project_id     VARCHAR(64),
    timekeeper_id  VARCHAR(64),
    activity_id    VARCHAR(64),
    price          NUMERIC(26,8) NOT NULL,
    currency       VARCHAR(3) NOT NULL,
    unit           VARCHAR(8) NOT NULL,
    effective_from DATE NOT NULL,
    effective_to   DATE,
    CONSTRAINT pk_billops_rate_rule PRIMARY KEY (tenant_id, id)
);

CREATE TABLE billops_time_entry (
    tenant_id              VARCHAR(64) NOT NULL,
    id                     VARCHAR(64) NOT NULL,
    project_id             VARCHAR(64) NOT NULL,
    timekeeper_id          VARCHAR(64) NOT NULL,
    activity_id            VARCHAR(64),
    start_at               TIMESTAMP(6) NOT NULL,
    start_nanos            INTEGER NOT NULL,
    end_at                 TIMESTAMP(6) NOT NULL,
    end_nanos              INTEGER NOT NULL,
    zone_id                VARCHAR(64) NOT NULL,
    start_date             DATE NOT NULL,
    description            VARCHAR(4000) NOT NULL,
    billable               BOOLEAN NOT NULL,
    explicit_rate          NUMERIC(26,8),
    explicit_rate_currency VARCHAR(3),
    explicit_rate_unit     VARCHAR(8),
    state                  VARCHAR(8) NOT NULL,
    invoice_id             VARCHAR(64),
    external_uid           VARCHAR(1000),
    version                BIGINT NOT NULL,
    CONSTRAINT pk_billops_time_entry PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_billops_time_entry_uid UNIQUE (tenant_id, external_uid),
    CONSTRAINT ck_billops_time_entry_state CHECK (state IN ('OPEN', 'BILLED', 'LOCKED')),
    -- a billed entry names its invoice, and only a billed one does
    CONSTRAINT ck_billops_time_entry_billed CHECK ((state = 'BILLED' AND invoice_id IS NOT NULL)
                                                 OR (state <> 'BILLED' AND invoice_id IS NULL))
);
CREATE INDEX ix_billops_time_entry_date ON billops_time_entry (tenant_id, start_date, start_at);
CREATE INDEX ix_billops_time_entry_project ON billops_time_entry (tenant_id, project_id, start_date);

CREATE TABLE billops_invoice (
    tenant_id            VARCHAR(64) NOT NULL,
    id                   VARCHAR(64) NOT NULL,
    doc_type             VARCHAR(16) NOT NULL,
    series               VARCHAR(64) NOT NULL,
    number               VARCHAR(200),
    client_id            VARCHAR(64) NOT NULL,
    currency             VARCHAR(3) NOT NULL,
    status               VARCHAR(16) NOT NULL,
    issue_date           DATE,
    due_date             DATE,
    service_start        DATE,
    service_end          DATE,
    price_basis          VARCHAR(8) NOT NULL,
    tax_rounding         VARCHAR(16) NOT NULL,
    cash_increment       NUMERIC(38,18),
    cash_increment_scale SMALLINT,
    line_net_total       NUMERIC(24,4) NOT NULL,
    allowance_total      NUMERIC(24,4) NOT NULL,
    charge_total         NUMERIC(24,4) NOT NULL,
    tax_exclusive        NUMERIC(24,4) NOT NULL,
    tax_total            NUMERIC(24,4) NOT NULL,
    tax_inclusive        NUMERIC(24,4) NOT NULL,
    rounding_amount      NUMERIC(24,4) NOT NULL,
    payable              NUMERIC(24,4) NOT NULL,
    paid                 NUMERIC(24,4) NOT NULL,
    credited             NUMERIC(24,4) NOT NULL,
    notes                VARCHAR(100000) NOT NULL,
    metadata             JSON NOT NULL,
    source               VARCHAR(16) NOT NULL,
    engagement_id        VARCHAR(64),
    package_period_start DATE,
    credited_invoice_id  VARCHAR(64),
    purchase_order_ref   VARCHAR(1000),
    version              BIGINT NOT NULL,
    CONSTRAINT pk_billops_invoice PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_billops_invoice_number UNIQUE (tenant_id, series, number),
    CONSTRAINT uq_billops_invoice_period UNIQUE (tenant_id, engagement_id, package_period_start),
    CONSTRAINT ck_billops_invoice_settlement CHECK (paid >= 0 AND credited >= 0
                                                    AND (paid + credited <= payable OR (paid = 0 AND credited = 0))),
    CONSTRAINT ck_billops_invoice_number CHECK (status = 'DRAFT' OR number IS NOT NULL)
);
CREATE INDEX ix_billops_invoice_client ON billops_invoice (tenant_id, client_id);
CREATE INDEX ix_billops_invoice_number ON billops_invoice (tenant_id, number);
CREATE INDEX ix_billops_invoice_credited ON billops_invoice (tenant_id, credited_invoice_id);

CREATE TABLE billops_invoice_line (
    tenant_id            VARCHAR(64) NOT NULL,
    invoice_id           VARCHAR(64) NOT NULL,
    position             INTEGER NOT NULL,
    idx                  INTEGER NOT NULL,
    description          VARCHAR(4000) NOT NULL,
    quantity             NUMERIC(38,18) NOT NULL,
    quantity_scale       SMALLINT NOT NULL,
    unit                 VARCHAR(8) NOT NULL,
    price                NUMERIC(26,8) NOT NULL,
    base_quantity        NUMERIC(38,18) NOT NULL,
    base_quantity_scale  SMALLINT NOT NULL,
    tax_category         VARCHAR(4) NOT NULL,
    tax_rate             NUMERIC(38,18),
    tax_exemption_reason VARCHAR(4000),
    period_start         DATE,
    period_end           DATE,
    project_id           VARCHAR(64),
    activity_id          VARCHAR(64),
    timekeeper_id        VARCHAR(64),
    rate_rule_id         VARCHAR(64),
    net_amount           NUMERIC(24,4) NOT NULL,
    CONSTRAINT pk_billops_invoice_line PRIMARY KEY (tenant_id, invoice_id, position),
    CONSTRAINT fk_billops_invoice_line FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES billops_invoice (tenant_id, id) ON DELETE CASCADE
);

-- the time entries each line bills, in line order
CREATE TABLE billops_invoice_line_entry (
    tenant_id  VARCHAR(64) NOT NULL,
    invoice_id VARCHAR(64) NOT NULL,
    position   INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    entry_id   VARCHAR(64) NOT NULL,
    CONSTRAINT pk_billops_invoice_line_entry PRIMARY KEY (tenant_id, invoice_id, position, seq),
    CONSTRAINT fk_billops_invoice_line_entry FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES billops_invoice (tenant_id, id) ON DELETE CASCADE
);

-- an entry appears on at most one issued (non-draft, non-void) invoice: one row per billed entry
CREATE TABLE billops_billed_entry (
    tenant_id  VARCHAR(64) NOT NULL,
    entry_id   VARCHAR(64) NOT NULL,
    invoice_id VARCHAR(64) NOT NULL,
    CONSTRAINT pk_billops_billed_entry PRIMARY KEY (tenant_id, entry_id),
    CONSTRAINT fk_billops_billed_entry FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES billops_invoice (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_billops_billed_entry_invoice ON billops_billed_entry (tenant_id, invoice_id);

-- allowances and charges: line_position 0 is the document level
CREATE TABLE billops_invoice_allowance (
    tenant_id            VARCHAR(64) NOT NULL,
    invoice_id           VARCHAR(64) NOT NULL,
    line_position        INTEGER NOT NULL,
    seq                  INTEGER NOT NULL,
    is_charge            BOOLEAN NOT NULL,
    amount               NUMERIC(24,4) NOT NULL,
    percent              NUMERIC(38,18),
    percent_scale        SMALLINT,
    base_amount          NUMERIC(24,4),
    reason               VARCHAR(4000) NOT NULL,
    tax_category         VARCHAR(4),
    tax_rate             NUMERIC(38,18),
    tax_exemption_reason VARCHAR(4000),
    CONSTRAINT pk_billops_invoice_allowance PRIMARY KEY (tenant_id, invoice_id, line_position, seq),
    CONSTRAINT fk_billops_invoice_allowance FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES billops_invoice (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE billops_invoice_tax (
    tenant_id        VARCHAR(64) NOT NULL,
    invoice_id       VARCHAR(64) NOT NULL,
    seq              INTEGER NOT NULL,
    category         VARCHAR(4) NOT NULL,
    rate             NUMERIC(38,18),
    rate_scale       SMALLINT,
    taxable_amount   NUMERIC(24,4) NOT NULL,
    tax_amount       NUMERIC(24,4) NOT NULL,
    exemption_reason VARCHAR(4000),
    CONSTRAINT pk_billops_invoice_tax PRIMARY KEY (tenant_id, invoice_id, seq),
    CONSTRAINT fk_billops_invoice_tax FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES billops_invoice (tenant_id, id) ON DELETE CASCADE
);

-- gapless counters: the row is locked by the issuing transaction until it ends
CREATE TABLE billops_number_sequence (
    tenant_id  VARCHAR(64) NOT NULL,
    series     VARCHAR(64) NOT NULL,
    period_key VARCHAR(64) NOT NULL,
    last_value BIGINT NOT NULL,
    CONSTRAINT pk_billops_number_sequence PRIMARY KEY (tenant_id, series, period_key)
);

CREATE TABLE billops_payment (
    tenant_id       VARCHAR(64) NOT NULL,
    id              VARCHAR(64) NOT NULL,
    client_id       VARCHAR(64) NOT NULL,
    amount          NUMERIC(24,4) NOT NULL,
    currency        VARCHAR(3) NOT NULL,
    received_on     DATE NOT NULL,
    method          VARCHAR(200) NOT NULL,
    external_ref    VARCHAR(1000),
    idempotency_key VARCHAR(200),
    status          VARCHAR(24) NOT NULL,
    refunded        NUMERIC(24,4) NOT NULL,
    version         BIGINT NOT NULL,
    CONSTRAINT pk_billops_payment PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_billops_payment_key UNIQUE (tenant_id, idempotency_key),
    CONSTRAINT ck_billops_payment_amount CHECK (amount > 0 AND refunded >= 0 AND refunded <= amount)
);
CREATE INDEX ix_billops_payment_client ON billops_payment (tenant_id, client_id);

CREATE TABLE billops_payment_allocation (
    tenant_id    VARCHAR(64) NOT NULL,
    payment_id   VARCHAR(64) NOT NULL,
    idx          INTEGER NOT NULL,
    sequence     INTEGER NOT NULL,
    invoice_id   VARCHAR(64) NOT NULL,
    amount       NUMERIC(24,4) NOT NULL,
    allocated_on DATE NOT NULL,
    CONSTRAINT pk_billops_payment_allocation PRIMARY KEY (tenant_id, payment_id, idx),
    CONSTRAINT fk_billops_payment_allocation FOREIGN KEY (tenant_id, payment_id)
        REFERENCES billops_payment (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_billops_payment_allocation_invoice ON billops_payment_allocation (tenant_id, invoice_id);

CREATE TABLE billops_reminder_sent (
    tenant_id  VARCHAR(64) NOT NULL,
    invoice_id VARCHAR(64) NOT NULL,
    step       VARCHAR(200) NOT NULL,
    sent_on    DATE NOT NULL,
    seq        BIGINT GENERATED BY DEFAULT AS IDENTITY,
    CONSTRAINT pk_billops_reminder_sent PRIMARY KEY (tenant_id, invoice_id, step)
);

CREATE TABLE billops_engagement (
    tenant_id              VARCHAR(64) NOT NULL,
    id                     VARCHAR(64) NOT NULL,
    client_id              VARCHAR(64) NOT NULL,
    project_id             VARCHAR(64),
    description            VARCHAR(4000) NOT NULL,
    mode                   VARCHAR(16) NOT NULL,
    package_fee            NUMERIC(24,4),
    package_fee_currency   VARCHAR(3),
    schedule               VARCHAR(16) NOT NULL,
    start_date             DATE NOT NULL,
    end_date               DATE,
    renews_id              VARCHAR(64),
    included_hours_seconds NUMERIC(30,9),
    overage_rate           NUMERIC(26,8),
    overage_rate_currency  VARCHAR(3),
    proration              VARCHAR(32) NOT NULL,
    roll_over_unused_hours BOOLEAN NOT NULL,
    status                 VARCHAR(16) NOT NULL,
    version                BIGINT NOT NULL,
    CONSTRAINT pk_billops_engagement PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ix_billops_engagement_client ON billops_engagement (tenant_id, client_id);

CREATE TABLE billops_audit_log (
    seq          BIGINT GENERATED BY DEFAULT AS IDENTITY,
    tenant_id    VARCHAR(64) NOT NULL,
    at_utc       TIMESTAMP(6) NOT NULL,
    at_nanos     INTEGER NOT NULL,
    actor_kind   VARCHAR(32) NOT NULL,
    actor_name   VARCHAR(1000) NOT NULL,
    action       VARCHAR(200) NOT NULL,
    entity_type  VARCHAR(200) NOT NULL,
    entity_id    VARCHAR(200) NOT NULL,
    before_state JSON,
    after_state  JSON,
    CONSTRAINT pk_billops_audit_log PRIMARY KEY (seq)
);
CREATE INDEX ix_billops_audit_log_entity ON billops_audit_log (tenant_id, entity_type, entity_id, seq);

-- the transactional outbox; dispatchers claim rows with a lease and mark them delivered
CREATE TABLE billops_outbox (
    seq           BIGINT GENERATED BY DEFAULT AS IDENTITY,
    tenant_id     VARCHAR(64) NOT NULL,
    event_id      VARCHAR(64) NOT NULL,
    event_type    VARCHAR(200) NOT NULL,
    event_class   VARCHAR(1000) NOT NULL,
    occurred_at   TIMESTAMP(6) NOT NULL,
    payload       JSON NOT NULL,
    attempts      INTEGER NOT NULL,
    claimed_until TIMESTAMP(6),
    claimed_by    VARCHAR(200),
    last_error    VARCHAR(4000),
    delivered_at  TIMESTAMP(6),
    CONSTRAINT pk_billops_outbox PRIMARY KEY (seq),
    CONSTRAINT uq_billops_outbox_event UNIQUE (tenant_id, event_id)
);
CREATE INDEX ix_billops_outbox_pending ON billops_outbox (delivered_at, seq);
