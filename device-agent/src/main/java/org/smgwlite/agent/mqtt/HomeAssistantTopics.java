package org.smgwlite.agent.mqtt;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smgwlite.agent.meter.DlmsUnit;
import org.smgwlite.agent.meter.ObisCode;
import org.smgwlite.agent.taf.TafValue;

/**
 * Topic names and payloads for Home Assistant's MQTT discovery: one sensor per quantity under
 * {@code DISCOVERY/sensor/smgwlite_METER/KEY/config} (retained), all reading one JSON state document at
 * {@code PREFIX/METER/state} through a value template, with availability at {@code PREFIX/METER/availability}.
 *
 * <p>Power: W, {@code device_class power}, {@code state_class measurement}. Energy registers: kWh,
 * {@code device_class energy}, {@code state_class total_increasing} (what the Energy dashboard needs). Values are
 * converted exactly (Wh to kWh by moving the decimal point), never through a double.
 */
public final class HomeAssistantTopics {

    private final String discoveryPrefix;
    private final String prefix;

    public HomeAssistantTopics(String discoveryPrefix, String prefix) {
        this.discoveryPrefix = discoveryPrefix;
        this.prefix = prefix;
    }

    /** The state-document key of a value, or {@code null} for values not shown in Home Assistant. */
    public static String key(ObisCode o) {
        if (o.a() != 1) {
            return null;
        }
        if (o.c() == 16 && o.d() == 7 && o.e() == 0) {
            return "power";
        }
        if ((o.c() == 1 || o.c() == 2) && o.d() == 8 && o.e() <= 9) {
            return (o.c() == 1 ? "energy_import" : "energy_export") + (o.e() == 0 ? "" : "_t" + o.e());
        }
        return null;
    }

    public String stateTopic(String meterId) {
        return prefix + "/" + meterId + "/state";
    }

    public String availabilityTopic(String meterId) {
        return prefix + "/" + meterId + "/availability";
    }

    public String configTopic(String meterId, String key) {
        return discoveryPrefix + "/sensor/smgwlite_" + meterId + "/" + key + "/config";
    }

    /** The discovery document of one sensor. */
    public Map<String, Object> config(String meterId, String key) {
        boolean power = key.equals("power");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", label(key));
        c.put("unique_id", "smgwlite_" + meterId + "_" + key);
        c.put("object_id", "smgwlite_" + meterId + "_" + key);
        c.put("state_topic", stateTopic(meterId));
        c.put("value_template", "{{ value_json." + key + " }}");
        c.put("unit_of_measurement", power ? "W" : "kWh");
        c.put("device_class", power ? "power" : "energy");
        c.put("state_class", power ? "measurement" : "total_increasing");
        c.put("availability_topic", availabilityTopic(meterId));
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("identifiers", List.of("smgwlite_" + meterId));
        device.put("name", "Stromzähler " + meterId);
        device.put("manufacturer", "SMGW.Lite");
        device.put("model", "device-agent");
        c.put("device", device);
        return c;
    }

    private static String label(String key) {
        return switch (key) {
            case "power" -> "Power";
            case "energy_import" -> "Energy import";
            case "energy_export" -> "Energy export";
            default -> (key.startsWith("energy_import") ? "Energy import tariff " : "Energy export tariff ")
                    + key.substring(key.lastIndexOf('t') + 1);
        };
    }

    /** The state document of one TAF 14 sample: W and kWh as exact decimals, the sample time and worst PTB level. */
    public static Map<String, Object> state(List<TafValue> sample) {
        Map<String, Object> s = new LinkedHashMap<>();
        int level = 0;
        for (TafValue v : sample) {
            String key = key(v.obis());
            if (key == null || v.value() == null) {
                continue;
            }
            BigDecimal d = v.value().decimal();
            if (key.startsWith("energy") && DlmsUnit.WATT_HOUR.equals(v.value().unit())) {
                d = d.movePointLeft(3);
            }
            s.put(key, d);
            level = Math.max(level, v.status().level().level());
        }
        if (!sample.isEmpty()) {
            s.put("time", sample.get(0).slot().toString());
        }
        s.put("ptb_level", level);
        return s;
    }
}
