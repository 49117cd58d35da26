package org.smgwlite.agent.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.smgwlite.agent.json.Json;
import org.smgwlite.agent.taf.TafValue;

/**
 * Publishes TAF 14 samples with Home Assistant discovery. Discovery documents and availability are retained (QoS 1)
 * and re-sent after every reconnect; states are QoS 0 and simply dropped while the broker is away, so the agent's
 * loop never waits for the network. The broker's last will marks the meter {@code offline}.
 */
public final class MqttPublisher implements AutoCloseable {

    private final MqttAsyncClient client;
    private final HomeAssistantTopics topics;
    private final Consumer<String> log;
    private final Set<String> announced = new HashSet<>();
    private volatile String meterId;

    /**
     * Starts connecting in the background.
     *
     * @param url e.g. {@code tcp://127.0.0.1:1883}
     * @param log receives connection problems (one line each)
     * @throws IllegalArgumentException if the URL is not an MQTT URL
     */
    public MqttPublisher(String url, String clientId, HomeAssistantTopics topics, String willMeterId,
                         Consumer<String> log) {
        this.topics = topics;
        this.log = log;
        this.meterId = willMeterId;
        try {
            client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("mqtt.url " + url + ": " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                synchronized (announced) {
                    announced.clear();
                }
                log.accept("mqtt: connected to " + serverUri + (reconnect ? " (reconnect)" : ""));
            }

            @Override
            public void connectionLost(Throwable cause) {
                log.accept("mqtt: connection lost: " + cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(60);
        options.setMaxInflight(100);
        if (willMeterId != null) {
            options.setWill(topics.availabilityTopic(willMeterId), "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        }
        try {
            client.connect(options);
        } catch (MqttException e) {
            log.accept("mqtt: cannot connect to " + url + ": " + e.getMessage() + " (retrying in the background)");
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Publishes one TAF 14 sample; announces sensors not yet announced on this connection first. */
    public void publish(List<TafValue> sample) {
        if (sample.isEmpty() || !client.isConnected()) {
            return;
        }
        String meter = sample.get(0).meterId();
        meterId = meter;
        try {
            synchronized (announced) {
                boolean first = announced.isEmpty();
                for (TafValue v : sample) {
                    String key = HomeAssistantTopics.key(v.obis());
                    if (key != null && announced.add(key)) {
                        send(topics.configTopic(meter, key), Json.write(topics.config(meter, key)), 1, true);
                    }
                }
                if (first) {
                    send(topics.availabilityTopic(meter), "online", 1, true);
                }
            }
            Map<String, Object> state = HomeAssistantTopics.state(sample);
            send(topics.stateTopic(meter), Json.write(state), 0, false);
        } catch (MqttException e) {
            log.accept("mqtt: publish failed: " + e.getMessage());
        }
    }

    private IMqttDeliveryToken send(String topic, String payload, int qos, boolean retained) throws MqttException {
        return client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    /** Marks the meter offline (retained) and disconnects. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                if (meterId != null) {
                    send(topics.availabilityTopic(meterId), "offline", 1, true).waitForCompletion(2000);
                }
                client.disconnect().waitForCompletion(2000);
            }
        } catch (MqttException e) {
            log.accept("mqtt: close: " + e.getMessage());
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                log.accept("mqtt: close: " + e.getMessage());
            }
        }
    }
}
