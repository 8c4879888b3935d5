-- BillOps schema, version 10: what an e-invoice says of a line beyond its name and price (note,
-- object id, order line and accounting references, item identifiers, classifications, origin,
-- attributes, price before discount), as JSON; NULL for a line without any.
ALTER TABLE billops_invoice_line ADD COLUMN details JSON;
