package org.smgwlite.platform.cluster;

/** A job's work for one slot; an exception is a {@code FAILED} run with the exception's message as its detail. */
@FunctionalInterface
public interface JobWork {

    JobResult run() throws Exception;
}
