-- The operator's household list, paged and searched in the database (a tenant may have 100,000 households): by name,
-- then id; a search matches the start of the name or the city (any case) or of the Messlokation (HouseholdService).
-- Indexes only, on V1's table: its policies and FORCE ROW LEVEL SECURITY (V10) stay as they are.

CREATE INDEX household_name_order_idx ON household (tenant_id, name, id);
CREATE INDEX household_name_search_idx ON household (tenant_id, lower(name) text_pattern_ops);
CREATE INDEX household_city_search_idx ON household (tenant_id, lower(city) text_pattern_ops);
CREATE INDEX household_messlokation_search_idx ON household (tenant_id, messlokation_id text_pattern_ops);
