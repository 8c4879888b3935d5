-- Only credit notes name a credited invoice. As a full index, (tenant_id, credited_invoice_id) is also a
-- tenant-wide index, and PostgreSQL chose it on new tables for the foreign-key checks of invoice child rows,
-- reading every invoice of the tenant per check. Partial, it serves only credit-note lookups.
DROP INDEX ix_billops_invoice_credited;
CREATE INDEX ix_billops_invoice_credited ON billops_invoice (tenant_id, credited_invoice_id)
    WHERE credited_invoice_id IS NOT NULL;
