-- Duplicate detection looks for open cases of one category near a point: index exactly that, so the lookup stays
-- fast however many cases the table holds.
drop index case_file_near;
create index case_file_open_near on case_file (category_code, lat, lon)
    where status not in ('CLOSED', 'REJECTED', 'CANCELLED', 'MERGED');
