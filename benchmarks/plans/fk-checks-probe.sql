-- psql -v schema=<schema with V1..V4 or V1..V5 applied> -v n=100000 -v label=<before|after> -f fk-checks-probe.sql
-- one backend: the first executions plan on empty tables, the session keeps those plans
SET search_path TO :schema;
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_analyze = on;
SET auto_explain.log_buffers = on;
SET auto_explain.log_timing = off;
SET auto_explain.log_level = 'notice';
SET client_min_messages = warning;
PREPARE inv(varchar) AS INSERT INTO billops_invoice (tenant_id,id,doc_type,series,number,client_id,currency,status,price_basis,tax_rounding,line_net_total,allowance_total,charge_total,tax_exclusive,tax_total,tax_inclusive,rounding_amount,payable,paid,credited,notes,metadata,source,version,credited_invoice_id)
 VALUES ('t1',$1,'INVOICE','INV',$1,'c1','EUR','ISSUED','NET','PER_GROUP',0,0,0,0,0,0,0,0,0,0,'','{}','MANUAL',0,NULL);
PREPARE tax(varchar) AS INSERT INTO billops_invoice_tax (tenant_id, invoice_id, seq, category, taxable_amount, tax_amount) VALUES ('t1',$1,0,'S',0,0);
PREPARE claim(varchar, varchar) AS INSERT INTO billops_billed_entry (tenant_id, entry_id, invoice_id) SELECT tenant_id, id, $2 FROM billops_time_entry WHERE tenant_id = 't1' AND id IN ($1);
PREPARE bill(varchar, varchar) AS UPDATE billops_time_entry SET state = 'BILLED', invoice_id = $2 WHERE tenant_id = 't1' AND id IN ($1);
-- young: the first invoices, each with one tax row, one claimed and billed entry
INSERT INTO billops_time_entry (tenant_id,id,project_id,timekeeper_id,start_at,start_nanos,end_at,end_nanos,zone_id,start_date,description,billable,state,version)
 SELECT 't1','e'||lpad(g::text,7,'0'),'p1','k1',now(),0,now(),0,'Z',current_date,'',true,'OPEN',0 FROM generate_series(1,10) g;
DO $$ BEGIN FOR i IN 1..10 LOOP
  EXECUTE format('EXECUTE inv(%L)', 'i'||lpad(i::text,7,'0'));
  EXECUTE format('EXECUTE tax(%L)', 'i'||lpad(i::text,7,'0'));
  EXECUTE format('EXECUTE claim(%L,%L)', 'e'||lpad(i::text,7,'0'), 'i'||lpad(i::text,7,'0'));
  EXECUTE format('EXECUTE bill(%L,%L)', 'e'||lpad(i::text,7,'0'), 'i'||lpad(i::text,7,'0'));
END LOOP; END $$;
-- the tables grow in the same backend (its cached plans stay)
INSERT INTO billops_invoice (tenant_id,id,doc_type,series,number,client_id,currency,status,price_basis,tax_rounding,line_net_total,allowance_total,charge_total,tax_exclusive,tax_total,tax_inclusive,rounding_amount,payable,paid,credited,notes,metadata,source,version)
 SELECT 't1','j'||lpad(g::text,7,'0'),'INVOICE','INV','j'||g,'c'||(g%50),'EUR','ISSUED','NET','PER_GROUP',0,0,0,0,0,0,0,0,0,0,'','{}','MANUAL',0 FROM generate_series(1,:n) g;
INSERT INTO billops_time_entry (tenant_id,id,project_id,timekeeper_id,start_at,start_nanos,end_at,end_nanos,zone_id,start_date,description,billable,state,version)
 SELECT 't1','f'||lpad(g::text,7,'0'),'p'||(g%20),'k1',now(),0,now(),0,'Z',current_date - (g%365),'',true,'OPEN',0 FROM generate_series(1,:n) g;
INSERT INTO billops_time_entry (tenant_id,id,project_id,timekeeper_id,start_at,start_nanos,end_at,end_nanos,zone_id,start_date,description,billable,state,version)
 SELECT 't1','e'||lpad(g::text,7,'0'),'p1','k1',now(),0,now(),0,'Z',current_date,'',true,'OPEN',0 FROM generate_series(11,20) g;
\echo ===== :label young tables, after :n rows were added
SET client_min_messages = notice;
EXECUTE inv('i0000011');
EXECUTE tax('i0000011');
EXECUTE claim('e0000011','i0000011');
EXECUTE bill('e0000011','i0000011');
SET client_min_messages = warning;
ANALYZE;
\echo ===== :label analyzed tables
SET client_min_messages = notice;
EXECUTE inv('i0000012');
EXECUTE tax('i0000012');
EXECUTE claim('e0000012','i0000012');
EXECUTE bill('e0000012','i0000012');
