-- BillOps schema, version 10: what an e-invoice says of a line beyond its name and price (note,
-- object id, order line and accounting references, item identifiers, classifications, origin,
-- attributes, price before discount), as JSON; NULL for a line without any. Allowances and charges
-- keep their reason code (UNTDID 5189 or 7161) beside the reason text.
ALTER TABLE billops_invoice_line ADD COLUMN details JSON;
ALTER TABLE billops_invoice_allowance ADD COLUMN reason_code VARCHAR(3);
