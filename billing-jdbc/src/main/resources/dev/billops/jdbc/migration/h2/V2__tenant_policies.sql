-- BillOps schema, version 2: the tenant's policies live in its profile (one Billing serves tenants in
-- several countries). zone_id is a java.time ZoneId ('Z' = UTC); tax_rounding and price_basis are enum
-- names; cash_increments is JSON {"increments":{"CHF":"0.05"}} or null for none; numbering is JSON
-- {"series":{"INV":{"pattern":…,"prefix":…,"reset":…,"perClient":…,"startAfter":{…}}}} or null for the
-- default numbering. Existing tenants get the defaults they had before.
ALTER TABLE billops_tenant ADD COLUMN zone_id VARCHAR(64) DEFAULT 'Z' NOT NULL;
ALTER TABLE billops_tenant ADD COLUMN tax_rounding VARCHAR(16) DEFAULT 'PER_GROUP' NOT NULL;
ALTER TABLE billops_tenant ADD COLUMN price_basis VARCHAR(8) DEFAULT 'NET' NOT NULL;
ALTER TABLE billops_tenant ADD COLUMN cash_increments VARCHAR(4000);
ALTER TABLE billops_tenant ADD COLUMN numbering VARCHAR(100000);
