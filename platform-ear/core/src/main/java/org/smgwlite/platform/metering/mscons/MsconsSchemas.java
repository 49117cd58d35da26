package org.smgwlite.platform.metering.mscons;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import java.net.URL;

/**
 * The two schemas every MSCONS interchange is validated against: staedi's EDIFACT control schema for syntax version 3
 * (UNB/UNH/UNT/UNZ) and this profile's transaction schema ({@code mscons-d04b.xml}). Loaded once; staedi's schemas are
 * immutable after loading, so writers and readers share them.
 */
final class MsconsSchemas {

    /** Syntax identifier UNOC (ISO 8859-1), version 3, as the BDEW rules require. */
    static final String[] SYNTAX = {"UNOC", "3"};
    static final String CHARSET = "ISO-8859-1";

    private static final Schema CONTROL;
    private static final Schema TRANSACTION;

    static {
        try {
            SchemaFactory factory = SchemaFactory.newFactory();
            CONTROL = factory.getControlSchema(EDIStreamConstants.Standards.EDIFACT, SYNTAX);
            URL url = MsconsSchemas.class.getResource("mscons-d04b.xml");
            if (url == null) {
                throw new IllegalStateException("mscons-d04b.xml is missing next to " + MsconsSchemas.class.getName());
            }
            TRANSACTION = factory.createSchema(url);
        } catch (EDISchemaException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private MsconsSchemas() {
    }

    static Schema control() {
        return CONTROL;
    }

    static Schema transaction() {
        return TRANSACTION;
    }
}
