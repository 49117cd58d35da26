-- A gateway's Eichlog may start over at entry 1 after a recorded reset (an entry of type EICHLOG_RESET, see
-- metering-contract EichlogLink.RESET): each chain of a gateway gets its number, entries are numbered within it.
ALTER TABLE eichlog_entry ADD COLUMN chain integer NOT NULL DEFAULT 1;
ALTER TABLE eichlog_entry DROP CONSTRAINT eichlog_entry_pkey;
ALTER TABLE eichlog_entry ADD PRIMARY KEY (tenant_id, gateway_id, chain, n);
