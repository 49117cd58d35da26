package org.smgwlite.platform.metering.mscons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smgwlite.pki.TenantId;
import org.smgwlite.platform.household.Household;
import org.smgwlite.platform.household.HouseholdDraft;
import org.smgwlite.platform.household.HouseholdService;
import org.smgwlite.platform.metering.query.CurveRange;
import org.smgwlite.platform.metering.query.LoadCurve;
import org.smgwlite.platform.metering.query.LoadCurveService;
import org.smgwlite.platform.metering.query.Viewer;
import org.smgwlite.platform.shared.InvalidInputException;
import org.smgwlite.platform.shared.NotFoundException;
import org.smgwlite.platform.shared.PageRequest;

/** MsconsExport's orchestration without a container: the services it calls are stand-ins over known curves. */
class MsconsExportTest {

    private static final TenantId TENANT = TenantId.of("stadtwerke-demo");
    private static final String SECOND = "DE0001234567890123456789012345679";

    private final List<CurveRange> monthsRead = new ArrayList<>();
    private final List<Household> households = new ArrayList<>();

    private static Household household(long id, String messlokation, String viewer) throws ReflectiveOperationException {
        Household h = new Household(new HouseholdDraft("Haus " + id, "Weg 1", "34117", "Kassel", messlokation, "1EMH0012345678", viewer));
        Field field = Household.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(h, id);
        return h;
    }

    private MsconsExport export() {
        MsconsExport export = new MsconsExport();
        export.senderId = "9900000000010";
        export.curves = new LoadCurveService() {
            @Override
            public Household household(TenantId tenant, Viewer viewer, long householdId) {
                return households.stream()
                        .filter(h -> h.id() == householdId && (viewer.operator() || viewer.username().equals(h.viewerUsername())))
                        .findFirst().orElseThrow(() -> new NotFoundException("household", householdId));
            }

            @Override
            public LoadCurve curve(TenantId tenant, Viewer viewer, long householdId, CurveRange range) {
                household(tenant, viewer, householdId);
                monthsRead.add(range);
                return Curves.household(range, -1, householdId == 1 ? 10 : -1, householdId == 1 ? 12 : -1);
            }
        };
        export.households = new HouseholdService() {
            @Override
            public long count(TenantId tenant, String search) {
                return households.size();
            }

            @Override
            public List<Household> page(TenantId tenant, String search, PageRequest page) {
                return households.subList(Math.min(page.offset(), households.size()),
                        Math.min(page.offset() + page.limit(), households.size()));
            }
        };
        return export;
    }

    @Test
    void a_household_range_is_read_month_by_month_into_one_message_with_the_configured_sender() throws Exception {
        households.add(household(1, Curves.MESSLOKATION, "household"));
        CurveRange range = new CurveRange(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 5, 10), CurveRange.BERLIN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export().household(TENANT, Viewer.household("household"), 1, range, out);

        assertThat(monthsRead).extracting(CurveRange::first)
                .containsExactly(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
        MsconsInterchange read = MsconsReader.readInterchange(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.parties()).isEqualTo(new MsconsParties("9900000000010", MsconsParties.PLACEHOLDER_ID));
        assertThat(read.reference()).hasSize(14).containsOnlyDigits();
        assertThat(read.series()).hasSize(6).allMatch(s -> s.messlokationId().equals(Curves.MESSLOKATION));
        assertThat(read.series().get(0).from()).isEqualTo(range.from());
        assertThat(read.series().get(5).to()).isEqualTo(range.to());
        assertThat(read.series().get(0).values()).as("slots 10..12 missing: intervals 9..12 are gaps")
                .hasSize(monthsRead.get(0).slotCount() - 4);
    }

    @Test
    void another_users_household_is_not_found_before_anything_is_written() throws Exception {
        households.add(household(1, Curves.MESSLOKATION, "household"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> export().household(TENANT, Viewer.household("household2"), 1, Curves.month(2026, 3), out))
                .isInstanceOf(NotFoundException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void a_tenant_export_has_one_message_per_household_and_refuses_a_tenant_without_any() throws Exception {
        MsconsExport empty = export();
        assertThatThrownBy(() -> empty.tenant(TENANT, "operator", Curves.month(2026, 3), new ByteArrayOutputStream()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no households");
        households.add(household(1, Curves.MESSLOKATION, null));
        households.add(household(2, SECOND, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export().tenant(TENANT, "operator", Curves.month(2026, 10), out);

        List<MeteringPointSeries> read = MsconsReader.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read).extracting(MeteringPointSeries::messlokationId)
                .containsExactly(Curves.MESSLOKATION, Curves.MESSLOKATION, SECOND, SECOND);
        assertThat(read.get(2).values()).hasSize(2980);
        String text = out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).contains("UNH+1+", "UNH+2+", "UNZ+2+");
    }
}
