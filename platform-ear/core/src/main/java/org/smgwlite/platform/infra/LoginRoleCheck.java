package org.smgwlite.platform.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the role a connection logged in as against the database wall: no superuser, no role or database
 * creation, no way around row-level security, a member of no role (so {@code SET ROLE} has nowhere to go), owner
 * of nothing (table owners may switch row-level security off) and no right to create objects in schema public.
 * The platform refuses to start while its login role breaks any of these.
 */
public final class LoginRoleCheck {

    private static final String QUERY = """
            SELECT r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication,
                   (SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid),
                   (SELECT count(*) FROM pg_shdepend d
                     WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = r.oid AND d.deptype = 'o'),
                   has_schema_privilege(r.oid, 'public', 'CREATE'),
                   has_database_privilege(r.oid, current_database(), 'CREATE')
              FROM pg_roles r WHERE r.rolname = session_user""";

    private LoginRoleCheck() {
    }

    /** What is wrong with the connection's login role, one line each; empty when it is fit for the platform. */
    public static List<String> problems(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            String role = rs.getString(1);
            List<String> problems = new ArrayList<>();
            flag(problems, rs.getBoolean(2), role + " is a superuser");
            flag(problems, rs.getBoolean(3), role + " may create roles (CREATEROLE)");
            flag(problems, rs.getBoolean(4), role + " may create databases (CREATEDB)");
            flag(problems, rs.getBoolean(5), role + " bypasses row-level security (BYPASSRLS)");
            flag(problems, rs.getBoolean(6), role + " is a replication role");
            flag(problems, rs.getLong(7) > 0, role + " is a member of " + rs.getLong(7) + " role(s) and could SET ROLE to them");
            flag(problems, rs.getLong(8) > 0, role + " owns " + rs.getLong(8) + " database object(s)");
            flag(problems, rs.getBoolean(9), role + " may create objects in schema public");
            flag(problems, rs.getBoolean(10), role + " may create schemas in this database");
            return problems;
        }
    }

    /**
     * @throws IllegalStateException listing every problem, naming {@value DatabaseSettings#USER} and what to fix
     */
    public static void require(Connection c) throws SQLException {
        List<String> problems = problems(c);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(DatabaseSettings.USER + " is not fit to be the platform's login role: "
                    + String.join("; ", problems) + ". Connect as a role that owns nothing (README \"Database roles\").");
        }
    }

    private static void flag(List<String> problems, boolean wrong, String problem) {
        if (wrong) {
            problems.add(problem);
        }
    }
}
