-- The platform root CA, shared by every node of a deployment group (issue 16) instead of living only in one node's
-- smgw.pki.dir: its certificate chain always; its key (PKCS#8, encrypted under smgw.pki.secret like tenant_ca's)
-- only for a development root the platform made itself. A production root is made offline with the CLI, and its key
-- stays wherever the operator puts it (PlatformRoot). One row at most.
CREATE TABLE platform_root (
    id                 smallint     PRIMARY KEY DEFAULT 1 CONSTRAINT platform_root_one_row CHECK (id = 1),
    chain_pem          text         NOT NULL,
    encrypted_key_pem  text,
    development        boolean      NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now()
);

-- A platform table like tenant_ca (V10): the login role reaches it only in a transaction bound to no tenant.
ALTER TABLE platform_root ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_root FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_root_unbound_only ON platform_root USING ((SELECT smgw_bound_tenant()) IS NULL)
    WITH CHECK ((SELECT smgw_bound_tenant()) IS NULL);
CREATE POLICY platform_root_owner ON platform_root TO CURRENT_USER USING (true) WITH CHECK (true);

-- The first node records the root; nothing changes or removes it afterwards.
GRANT SELECT, INSERT ON platform_root TO ${login_role};
