-- BillOps schema, version 13: what an invoice's paid amount (BT-113) counts beyond payments in the
-- ledger. deducted is fixed at issue: the prepayment invoices (386) it deducts, plus a negative
-- declared amount (a correction that makes the client owe more than the payable amount); the
-- ledger holds payable - deducted on the invoice, so the settlement check uses that. prepayments
-- lists the deducted prepayment invoices as JSON text (NULL for none). A prepayment invoice is
-- deducted by at most one issued (non-draft, non-void) invoice: one row per deduction, keyed by
-- the prepayment invoice, like the billed-entry claims.
ALTER TABLE billops_invoice ADD COLUMN deducted NUMERIC(24,4) DEFAULT 0 NOT NULL;
ALTER TABLE billops_invoice ADD COLUMN prepayments VARCHAR(100000);
ALTER TABLE billops_invoice DROP CONSTRAINT ck_billops_invoice_settlement;
ALTER TABLE billops_invoice ADD CONSTRAINT ck_billops_invoice_settlement CHECK (paid >= 0 AND credited >= 0
    AND (paid + credited <= payable - deducted OR (paid = 0 AND credited = 0)));
CREATE TABLE billops_prepayment_deduction (
    tenant_id     VARCHAR(64) NOT NULL,
    prepayment_id VARCHAR(64) NOT NULL,
    invoice_id    VARCHAR(64) NOT NULL,
    CONSTRAINT pk_billops_prepayment_deduction PRIMARY KEY (tenant_id, prepayment_id),
    CONSTRAINT fk_billops_prepayment_deduction FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES billops_invoice (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_billops_prepayment_deduction_invoice ON billops_prepayment_deduction (invoice_id, tenant_id);
