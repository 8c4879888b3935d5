-- BillOps schema, version 7: the EN 16931 business terms of e-invoices are stored with the values
-- that carry them. Tenant (seller) and client (buyer): trading name (BT-28/45), identifier and its
-- ISO 6523 scheme (BT-29/46), legal registration and scheme (BT-30/47), tax registration (BT-32),
-- additional legal information (BT-33), electronic address and EAS scheme (BT-34/49), contact
-- (BG-6/9), country subdivision (BT-39/54), and for a buyer its default buyer reference (BT-10) and
-- VATEX code (BT-121). Invoice: buyer, project, contract, sales order and accounting references
-- (BT-10/11/12/14/19), payment terms text (BT-20) and the amount paid at issue (BT-113; 0 for the
-- documents issued before). VATEX codes (BT-121) beside the exemption reasons of lines,
-- document-level allowances/charges and the VAT breakdown. Only columns are added: no key changes.
ALTER TABLE billops_tenant ADD COLUMN trading_name VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN party_identifier VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN party_identifier_scheme VARCHAR(8);
ALTER TABLE billops_tenant ADD COLUMN legal_registration_id VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN legal_registration_scheme VARCHAR(8);
ALTER TABLE billops_tenant ADD COLUMN tax_registration_id VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN legal_info VARCHAR(4000);
ALTER TABLE billops_tenant ADD COLUMN electronic_address VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN electronic_address_scheme VARCHAR(8);
ALTER TABLE billops_tenant ADD COLUMN contact_name VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN contact_phone VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN contact_email VARCHAR(320);
ALTER TABLE billops_tenant ADD COLUMN country_subdivision VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN buyer_reference VARCHAR(1000);
ALTER TABLE billops_tenant ADD COLUMN exemption_reason_code VARCHAR(32);
ALTER TABLE billops_client ADD COLUMN trading_name VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN party_identifier VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN party_identifier_scheme VARCHAR(8);
ALTER TABLE billops_client ADD COLUMN legal_registration_id VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN legal_registration_scheme VARCHAR(8);
ALTER TABLE billops_client ADD COLUMN tax_registration_id VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN legal_info VARCHAR(4000);
ALTER TABLE billops_client ADD COLUMN electronic_address VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN electronic_address_scheme VARCHAR(8);
ALTER TABLE billops_client ADD COLUMN contact_name VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN contact_phone VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN contact_email VARCHAR(320);
ALTER TABLE billops_client ADD COLUMN country_subdivision VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN buyer_reference VARCHAR(1000);
ALTER TABLE billops_client ADD COLUMN exemption_reason_code VARCHAR(32);
ALTER TABLE billops_invoice ADD COLUMN buyer_reference VARCHAR(1000);
ALTER TABLE billops_invoice ADD COLUMN project_reference VARCHAR(1000);
ALTER TABLE billops_invoice ADD COLUMN contract_reference VARCHAR(1000);
ALTER TABLE billops_invoice ADD COLUMN sales_order_reference VARCHAR(1000);
ALTER TABLE billops_invoice ADD COLUMN buyer_accounting_reference VARCHAR(1000);
ALTER TABLE billops_invoice ADD COLUMN payment_terms_text VARCHAR(4000);
ALTER TABLE billops_invoice ADD COLUMN prepaid NUMERIC(24,4) DEFAULT 0 NOT NULL;
ALTER TABLE billops_invoice_line ADD COLUMN tax_exemption_code VARCHAR(32);
ALTER TABLE billops_invoice_allowance ADD COLUMN tax_exemption_code VARCHAR(32);
ALTER TABLE billops_invoice_tax ADD COLUMN exemption_reason_code VARCHAR(32);
