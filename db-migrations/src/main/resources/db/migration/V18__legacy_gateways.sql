-- SMGW.Lite gateways (issue 15): the ESP32 firmware's HTTP protocol as a second door into the one ingestion rule.
-- legacy_gateway: a gateway of a household that authenticates with device id + token (stored as SHA-256 hex, as the
-- firmware's PHP backend does, so its clients table can be imported) instead of a certificate; what the device last
-- reported (firmware, target, meter model, fields) and its last upload's counts.
-- meter_reading.origin / reading_batch.origin: where a value came from, 'signed' (Wirk-PKI agent) or 'legacy'
-- (unsigned SMGW.Lite). Constant defaults: catalog-only changes, no rewrite of the partitioned readings.
-- meter_reading_hires: readings between the quarter hours (TAF 14, TAF 7 entries further than 9 s from the mark);
-- never a slot value. legacy_event: the firmware's event log, a re-sent log adds nothing (primary key).
-- All new tables are tenant-owned: V10's policy, owner policy, FORCE.

ALTER TABLE meter_reading ADD COLUMN origin varchar(8) NOT NULL DEFAULT 'signed'
    CONSTRAINT meter_reading_origin CHECK (origin IN ('signed', 'legacy'));

ALTER TABLE reading_batch ADD COLUMN origin varchar(8) NOT NULL DEFAULT 'signed'
    CONSTRAINT reading_batch_origin CHECK (origin IN ('signed', 'legacy'));
ALTER TABLE reading_batch ALTER COLUMN signer_serial DROP NOT NULL;
ALTER TABLE reading_batch ADD CONSTRAINT reading_batch_signed_has_signer
    CHECK (origin = 'legacy' OR signer_serial IS NOT NULL);

CREATE TABLE legacy_gateway (
    tenant_id        varchar(40) NOT NULL REFERENCES tenant (id),
    gateway_ref      bigint      NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    device_id        varchar(3)  NOT NULL CONSTRAINT legacy_device_id_format CHECK (device_id ~ '^[A-Za-z0-9._~-]{1,3}$'),
    token_sha256     char(64)    NOT NULL CONSTRAINT legacy_token_hex CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    token_source     varchar(8)  NOT NULL CHECK (token_source IN ('ISSUED', 'IMPORTED')),
    token_set_at     timestamptz NOT NULL DEFAULT now(),
    firmware         varchar(32),
    target           varchar(32),
    config_version   varchar(32),
    meter_model      varchar(64),
    fields           varchar(40),
    ip_last_octet    smallint,
    last_upload_at   timestamptz,
    last_received    integer,
    last_inserted    integer,
    last_rejected    integer,
    last_log_at      timestamptz,
    PRIMARY KEY (tenant_id, gateway_ref),
    CONSTRAINT legacy_device_unique UNIQUE (tenant_id, device_id)
);

CREATE TABLE meter_reading_hires (
    tenant_id      varchar(40)   NOT NULL REFERENCES tenant (id),
    household_id   bigint        NOT NULL REFERENCES household (id),
    obis           varchar(32)   NOT NULL,
    read_at        timestamptz   NOT NULL,
    value_unscaled numeric(30,0) NOT NULL,
    scaler         smallint      NOT NULL,
    unit           varchar(16)   NOT NULL,
    origin         varchar(8)    NOT NULL DEFAULT 'legacy' CHECK (origin IN ('signed', 'legacy')),
    batch_id       bigint        NOT NULL,
    received_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, household_id, obis, read_at)
);

CREATE TABLE legacy_event (
    tenant_id    varchar(40) NOT NULL REFERENCES tenant (id),
    gateway_ref  bigint      NOT NULL REFERENCES gateway (id) ON DELETE CASCADE,
    device_time  timestamptz NOT NULL,
    uptime_ms    bigint      NOT NULL,
    code         integer     NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, gateway_ref, device_time, uptime_ms, code)
);
CREATE INDEX legacy_event_recent_idx ON legacy_event (tenant_id, gateway_ref, received_at DESC);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['legacy_gateway', 'meter_reading_hires', 'legacy_event'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = (SELECT smgw_bound_tenant()))'
                       ' WITH CHECK (tenant_id = (SELECT smgw_bound_tenant()))', t || '_tenant_isolation', t);
        EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)', t || '_owner', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON legacy_gateway TO ${login_role};
GRANT SELECT, INSERT ON meter_reading_hires, legacy_event TO ${login_role};
