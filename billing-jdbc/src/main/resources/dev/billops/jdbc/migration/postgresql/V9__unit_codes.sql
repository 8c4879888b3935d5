-- BillOps schema, version 9: invoice lines store their unit as its UN/ECE Recommendation 20 code
-- (HUR, DAY, MON, C62, ...) instead of the names of the four units known before.
UPDATE billops_invoice_line SET unit = CASE unit
    WHEN 'HOUR' THEN 'HUR'
    WHEN 'MONTH' THEN 'MON'
    WHEN 'PIECE' THEN 'C62'
    ELSE unit END
WHERE unit IN ('HOUR', 'MONTH', 'PIECE');
