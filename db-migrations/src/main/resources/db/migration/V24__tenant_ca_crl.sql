-- The tenant CA's current CRL, once per deployment group (issue 16) instead of one per node: until V23 every node
-- signed a CRL of its own for each tenant (numbers from the shared next_crl_number), so two nodes published different
-- CRLs, and a relying party fetching from both could see a lower CRL number after a higher one (RFC 5280 5.2.3).
-- Now the CRL issued last is stored here (DER, its number, thisUpdate, nextUpdate) and every node serves that one.
--   * null: no CRL yet, or a revocation since the last one; the next node that needs the CRL issues it;
--   * a node issues with the row locked (SELECT ... FOR UPDATE) and looks again once it holds the lock, so of several
--     nodes that find it missing or due, one issues and the others read that one (StoredCrls);
--   * a revocation (revoked_at set on a certificate row, in whatever transaction, by whatever path) clears the CRL
--     in the same transaction, by the trigger below. Its UPDATE of the row waits for a node issuing a CRL, so the CRL
--     either lists the serial or is cleared when the revocation commits.
-- The login role reaches the new columns through its table grant of V10 (SELECT, INSERT, UPDATE ON tenant_ca),
-- outside a tenant binding only, as the rest of the row.
ALTER TABLE tenant_ca
    ADD COLUMN crl_der         bytea,
    ADD COLUMN crl_number      bigint,
    ADD COLUMN crl_this_update timestamptz,
    ADD COLUMN crl_next_update timestamptz,
    ADD CONSTRAINT tenant_ca_crl_whole CHECK (num_nulls(crl_der, crl_number, crl_this_update, crl_next_update) IN (0, 4)),
    ADD CONSTRAINT tenant_ca_crl_number_taken CHECK (crl_number IS NULL OR crl_number < next_crl_number);

-- A revocation runs in a transaction bound to its tenant, where the login role cannot reach tenant_ca: the trigger's
-- function runs as the owner (SECURITY DEFINER) and touches nothing but the CRL of the certificate's own tenant. The
-- row is updated even when its CRL is null already, so that the revocation always waits for a node issuing one.
CREATE FUNCTION tenant_ca_crl_revoked() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE public.tenant_ca SET crl_der = NULL, crl_number = NULL, crl_this_update = NULL, crl_next_update = NULL
     WHERE tenant_id = NEW.tenant_id;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION tenant_ca_crl_revoked() FROM PUBLIC;

CREATE TRIGGER certificate_revoked_clears_crl AFTER UPDATE OF revoked_at, revocation_reason ON certificate
    FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.revocation_reason IS DISTINCT FROM NEW.revocation_reason)
    EXECUTE FUNCTION tenant_ca_crl_revoked();
