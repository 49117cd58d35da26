package org.smgwlite.agent.meter;

import org.junit.jupiter.api.Test;
import org.smgwlite.agent.testing.Captures;

class CorpusSurveyTest {
    @Test
    void survey() {
        for (String name : Captures.ALL) {
            Captures.Decoded d = Captures.decode(Captures.bytes(name));
            var exp = Captures.expected(name);
            var got = d.distinctCsvLines();
            System.out.println("== " + name + " telegrams=" + d.telegrams.size() + " match=" + exp.equals(got));
            d.rejections.forEach(r -> System.out.println("   REJ " + r));
            d.telegrams.stream().flatMap(t -> t.quirks().stream()).distinct().forEach(q -> System.out.println("   QUIRK " + q));
            if (!exp.equals(got)) {
                var missing = new java.util.ArrayList<>(exp); missing.removeAll(got);
                var extra = new java.util.ArrayList<>(got); extra.removeAll(exp);
                System.out.println("   missing " + missing);
                System.out.println("   extra " + extra);
                if (missing.isEmpty() && extra.isEmpty()) System.out.println("   ORDER differs");
            }
        }
    }
}
