package org.smgwlite.platform.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Test and benchmark data for the readings tables, written by SQL as the database owner. */
public final class ReadingRows {

    private ReadingRows() {
    }

    /** A placeholder upload batch (readings must name one); a random body hash keeps it unique. */
    public static long batch(Connection c, String tenant, long household, String gateway) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reading_batch (tenant_id, gateway_id, household_id, signed_body, body_sha256,
                    signer_serial, accepted, rejected, duplicates, gaps)
                VALUES (?, ?, ?, '\\x00', md5(random()::text) || md5(random()::text), '01', 0, 0, 0, 0)
                RETURNING id""")) {
            ps.setString(1, tenant);
            ps.setString(2, gateway);
            ps.setLong(3, household);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
