package org.smgwlite.agent.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.smgwlite.agent.agent.MeterPipeline;
import org.smgwlite.agent.eichlog.EventType;
import org.smgwlite.agent.simulator.SimulatedMeterSource;
import org.smgwlite.agent.simulator.SimulationClock;
import org.smgwlite.agent.simulator.VirtualMeter;
import org.smgwlite.agent.taf.SlotAlignment;
import org.smgwlite.agent.taf.TafValue;

/**
 * TAF 14 samples of a simulated PV household go through the pipeline to the local Mosquitto broker; a subscriber
 * sees Home Assistant's discovery documents (retained) and the state documents. Skipped only when nothing
 * listens on 127.0.0.1:1883.
 */
class HomeAssistantMqttTest {

    static final String BROKER = "tcp://127.0.0.1:1883";

    static boolean brokerListening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void discoveryTopicsAndStatesAppearOnTheBroker() throws Exception {
        Assumptions.assumeTrue(brokerListening(), "no MQTT broker on 127.0.0.1:1883");
        int number = ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30);
        VirtualMeter meter = new VirtualMeter(number, 5, 6000);
        String id = java.util.HexFormat.of().formatHex(meter.serverId());
        Map<String, String> received = new ConcurrentHashMap<>();
        List<String> states = java.util.Collections.synchronizedList(new ArrayList<>());
        MqttClient subscriber = new MqttClient(BROKER, "smgwlite-test-sub-" + number, new MemoryPersistence());
        subscriber.connect(new MqttConnectOptions());
        subscriber.subscribe("homeassistant/sensor/smgwlite_" + id + "/+/config", 1,
                (topic, msg) -> received.put(topic, new String(msg.getPayload(), StandardCharsets.UTF_8)));
        subscriber.subscribe("smgwlite/" + id + "/#", 1, (topic, msg) -> {
            String payload = new String(msg.getPayload(), StandardCharsets.UTF_8);
            received.put(topic, payload);
            if (topic.endsWith("/state")) {
                states.add(payload);
            }
        });
        HomeAssistantTopics topics = new HomeAssistantTopics("homeassistant", "smgwlite");
        MqttPublisher publisher = new MqttPublisher(BROKER, "smgwlite-test-pub-" + number, topics, id, e -> { });
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!publisher.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(publisher.isConnected()).as("connected to " + BROKER).isTrue();
            Instant noon = Instant.parse("2024-06-21T10:00:00Z"); // PV exports at midday
            SimulationClock clock = new SimulationClock(noon);
            MeterPipeline pipeline = new MeterPipeline(new MeterPipeline.Settings(SlotAlignment.QUARTER_HOUR, 1,
                    Duration.ofSeconds(30), 2000, org.smgwlite.agent.meter.MeterProtocol.SML), clock, null, () -> true, new MeterPipeline.Sink() {
                        @Override
                        public void billing(List<TafValue> values) {
                        }

                        @Override
                        public void sample(List<TafValue> values) {
                            publisher.publish(values);
                        }

                        @Override
                        public void event(EventType type, String detail) {
                        }
                    });
            SimulatedMeterSource source = new SimulatedMeterSource(meter, clock, 1, noon, noon.plusSeconds(20));
            byte[] buffer = new byte[4096];
            for (int n; (n = source.read(buffer)) >= 0; ) {
                pipeline.accept(buffer, 0, n);
            }
            deadline = System.nanoTime() + 5_000_000_000L;
            while (states.size() < 15 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String power = received.get("homeassistant/sensor/smgwlite_" + id + "/power/config");
            assertThat(power).contains("\"device_class\":\"power\"", "\"unit_of_measurement\":\"W\"",
                    "\"state_class\":\"measurement\"", "\"state_topic\":\"smgwlite/" + id + "/state\"",
                    "\"value_template\":\"{{ value_json.power }}\"", "\"unique_id\":\"smgwlite_" + id + "_power\"");
            for (String key : new String[] {"energy_import", "energy_export"}) {
                assertThat(received.get("homeassistant/sensor/smgwlite_" + id + "/" + key + "/config"))
                        .contains("\"device_class\":\"energy\"", "\"unit_of_measurement\":\"kWh\"",
                                "\"state_class\":\"total_increasing\"", "{{ value_json." + key + " }}");
            }
            assertThat(received.get("smgwlite/" + id + "/availability")).isEqualTo("online");
            assertThat(states).hasSizeGreaterThanOrEqualTo(15);
            String last = states.get(states.size() - 1);
            assertThat(last).matches("\\{\"power\":-?\\d+\\.\\d{2},\"energy_import\":\\d+\\.\\d{4},"
                    + "\"energy_import_t1\":\\d+\\.\\d{4},\"energy_import_t2\":\\d+\\.\\d{4},"
                    + "\"energy_export\":\\d+\\.\\d{4},\"time\":\"2024-06-21T10:00:\\d\\dZ\",\"ptb_level\":\\d}");
            long importDeciWh = meter.importDeciWattHours();
            assertThat(last).contains("\"energy_import\":" + java.math.BigDecimal.valueOf(importDeciWh, 4)
                    .toPlainString());
        } finally {
            publisher.close();
            for (String key : new String[] {"power", "energy_import", "energy_export", "energy_import_t1",
                    "energy_import_t2"}) {
                subscriber.publish("homeassistant/sensor/smgwlite_" + id + "/" + key + "/config", new byte[0], 1, true);
            }
            subscriber.publish("smgwlite/" + id + "/availability", new byte[0], 1, true);
            subscriber.disconnect();
            subscriber.close();
        }
    }
}
