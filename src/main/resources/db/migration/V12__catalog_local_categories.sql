-- The town's own categories beyond GB/T 47678.5 carry an L: L01001 独居老人关爱探访.
alter table catalog_category drop constraint catalog_category_code_check;
alter table catalog_category add constraint catalog_category_code_check check (code ~ '^(B?[0-9]{5}|L[0-9]{5})$');
