-- The platform's two database roles (db-migrations/README.md, "Roles"), run by a superuser before the first
-- migration. ./run.sh's embedded PostgreSQL and the tests run it as it is; for an external database it is the
-- DBA's template. ${owner} owns the schema and runs the migrations (smgw.db.migration-user); ${login} is the
-- platform's connections (smgw.db.user): no superuser, no CREATEROLE, no CREATEDB, no BYPASSRLS, member of no
-- role, so it cannot switch roles; V10 grants it what it needs. Both are created only when missing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${owner}') THEN
        CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${owner_password}';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${login}') THEN
        CREATE ROLE ${login} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD '${login_password}';
    END IF;
    -- V1 creates smgw_tenant when missing (that needs CREATEROLE) and grants it to the migrating role.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smgw_tenant') THEN
        CREATE ROLE smgw_tenant NOLOGIN;
    END IF;
END
$$;
GRANT smgw_tenant TO ${owner} WITH ADMIN OPTION;
