-- the version each time entry had when a draft listing it was stored: issuing the draft refuses
-- entries changed since (NULL on issued invoices and on rows written before this version)
ALTER TABLE billops_invoice_line_entry ADD COLUMN entry_version BIGINT;
