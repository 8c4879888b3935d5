-- BillOps schema, version 11: the EN 16931 terms of one document beyond its lines, amounts and
-- references (VAT point BT-7/BT-8, notes with subject codes BG-1, delivery BG-13, a payee of its
-- own BG-10, card BG-18 or direct-debit mandate BG-19, preceding invoice BG-3) as JSON, NULL for a
-- document without any; doc_type also holds the invoice types CORRECTED (384), SELF_BILLED (389),
-- PARTIAL (326) and PREPAYMENT (386). Tenant and client: the nested parts of their e-invoice
-- details (payee BG-10, tax representative BG-11, SEPA creditor id BT-90, debited account BT-91,
-- deliver-to BG-13/BG-15) as JSON text, NULL without any. Only columns are added: no key changes.
ALTER TABLE billops_invoice ADD COLUMN document_terms JSON;
ALTER TABLE billops_tenant ADD COLUMN party_terms VARCHAR(100000);
ALTER TABLE billops_client ADD COLUMN party_terms VARCHAR(100000);
