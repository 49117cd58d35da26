package org.smgwlite.agent.upload;

/**
 * A daemon thread that repeats one step until it is closed. Closing interrupts it, so a step that sleeps or waits
 * on the network gives way at once; the step's {@link InterruptedException} ends the thread.
 */
final class RepeatingThread implements AutoCloseable {

    /** One turn of the thread's work. */
    @FunctionalInterface
    interface Step {
        void run() throws InterruptedException;
    }

    private final Thread thread;
    private volatile boolean running = true;

    RepeatingThread(String name, Step step) {
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    step.run();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
