package org.smgwlite.platform.rest.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.smgwlite.platform.cluster.ClusterJobs;
import org.smgwlite.platform.cluster.JobRunView;
import org.smgwlite.platform.rest.household.HouseholdResource;
import org.smgwlite.platform.rest.security.Callers;
import org.smgwlite.platform.shared.PageRequest;

/**
 * {@code GET /api/platform/jobs?job=&offset=&limit=}, for platform administrators: the scheduled jobs' runs across the
 * cluster, newest claim first, each with its slot, the node that ran it ({@code instance@host/pid}), when it was
 * claimed and finished and its state ({@code RUNNING}, {@code ABANDONED}: its node died and the next tick takes it
 * over, {@code DONE}, {@code FAILED}). {@code job} matches the start of a job's name; the header
 * {@value HouseholdResource#TOTAL} carries how many match in all.
 */
@Path("platform/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    static final int DEFAULT_LIMIT = 100;

    @Inject
    ClusterJobs jobs;

    @Inject
    Callers callers;

    /** One run of a job, as answered. */
    public record JobRun(String job, Instant slot, String node, int attempt, String takenFrom, Instant claimedAt,
                         Instant leaseUntil, Instant finishedAt, String state, String detail) {
        static JobRun of(JobRunView v) {
            return new JobRun(v.job(), v.slot(), v.node(), v.attempt(), v.takenFrom().orElse(null), v.claimedAt(),
                    v.leaseUntil(), v.finishedAt().orElse(null), v.state().name(), v.detail().orElse(null));
        }
    }

    @GET
    public Response list(@QueryParam("job") String job, @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) int limit) {
        callers.requirePlatformAdmin();
        List<JobRun> page = jobs.page(job, new PageRequest(offset, limit)).stream().map(JobRun::of).toList();
        return Response.ok(page).header(HouseholdResource.TOTAL, jobs.count(job)).build();
    }
}
