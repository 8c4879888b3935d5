-- BillOps schema, version 12: unit prices keep up to 18 decimals (EN 16931 does not limit the
-- decimals of a net price, BT-146), so the four unit-price columns widen from NUMERIC(26,8) to
-- NUMERIC(38,18): 15 integer digits and 18 decimals, like the other exact decimals; widening keeps
-- every stored value. An invoice's explicit rounding amount (BT-114 set by the host, less than one
-- currency unit either way) is stored beside the cash increment; NULL when there is none.
ALTER TABLE billops_rate_rule ALTER COLUMN price SET DATA TYPE NUMERIC(38,18);
ALTER TABLE billops_time_entry ALTER COLUMN explicit_rate SET DATA TYPE NUMERIC(38,18);
ALTER TABLE billops_invoice_line ALTER COLUMN price SET DATA TYPE NUMERIC(38,18);
ALTER TABLE billops_engagement ALTER COLUMN overage_rate SET DATA TYPE NUMERIC(38,18);
ALTER TABLE billops_invoice ADD COLUMN explicit_rounding NUMERIC(24,4);
