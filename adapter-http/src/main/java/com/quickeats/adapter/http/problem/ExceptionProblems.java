package com.quickeats.adapter.http.problem;

import com.quickeats.adapter.http.conditional.OrderETags;
import com.quickeats.order.application.IdempotencyKeyReusedException;
import com.quickeats.order.application.NotFoundException;
import com.quickeats.order.application.PreconditionFailedException;
import com.quickeats.order.application.PreconditionRequiredException;
import com.quickeats.order.application.RequestInProgressException;
import com.quickeats.order.application.port.out.StorageUnavailableException;
import com.quickeats.order.domain.ActionNotPermittedException;
import com.quickeats.order.domain.BusinessRuleViolationException;
import com.quickeats.order.domain.InvalidInputException;
import com.quickeats.order.domain.InvalidStateTransitionException;
import com.quickeats.order.domain.OrderAction;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a request ended with into the problem the contract names for it. Anything not named
 * here is a bug: logged with its stack trace, answered with a generic 500 that reveals nothing.
 */
public final class ExceptionProblems {
    /** Seconds a client should wait before retrying a request refused for a transient reason. */
    static final String RETRY_AFTER_IN_PROGRESS = "1";
    static final String RETRY_AFTER_UNAVAILABLE = "2";

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionProblems.class);

    private ExceptionProblems() {
    }

    public static Problem from(Throwable failure) {
        StorageUnavailableException unavailable = storageUnavailable(failure);
        if (unavailable != null) {
            LOG.warn("storage unavailable: {}", unavailable.getMessage());
            return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The service cannot reach its database; retry shortly.")
                    .withHeader("Retry-After", RETRY_AFTER_UNAVAILABLE);
        }
        if (failure instanceof ApiProblemException api) {
            return api.problem();
        }
        if (failure instanceof InvalidInputException invalid) {
            return new Problem(ProblemType.MALFORMED_REQUEST, invalid.getMessage(),
                    Map.of("errors", ProblemMembers.errors(invalid.violations())), Map.of());
        }
        if (failure instanceof BusinessRuleViolationException impossible) {
            return new Problem(ProblemType.UNPROCESSABLE, impossible.getMessage(),
                    Map.of("errors", ProblemMembers.errors(impossible.violations())), Map.of());
        }
        if (failure instanceof InvalidStateTransitionException refused) {
            return Problem.of(ProblemType.INVALID_STATE_TRANSITION, refused.getMessage())
                    .withMember("current_status", refused.currentStatus().wireName())
                    .withMember("allowed_actions",
                            refused.allowedActions().stream().map(OrderAction::wireName).toList());
        }
        if (failure instanceof ActionNotPermittedException forbidden) {
            return Problem.of(ProblemType.FORBIDDEN, forbidden.getMessage());
        }
        if (failure instanceof NotFoundException notFound) {
            return Problem.of(ProblemType.NOT_FOUND, notFound.getMessage());
        }
        if (failure instanceof PreconditionRequiredException required) {
            return Problem.of(ProblemType.PRECONDITION_REQUIRED, required.getMessage());
        }
        if (failure instanceof PreconditionFailedException failed) {
            String current = OrderETags.of(failed.orderId(), failed.currentVersion());
            return Problem.of(ProblemType.PRECONDITION_FAILED, failed.getMessage())
                    .withMember("current_etag", current)
                    .withMember("current_version", failed.currentVersion())
                    .withHeader("ETag", current);
        }
        if (failure instanceof IdempotencyKeyReusedException reused) {
            return Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, reused.getMessage());
        }
        if (failure instanceof RequestInProgressException inProgress) {
            return Problem.of(ProblemType.REQUEST_IN_PROGRESS, inProgress.getMessage())
                    .withHeader("Retry-After", RETRY_AFTER_IN_PROGRESS);
        }
        LOG.error("unexpected failure while handling a request", failure);
        return Problem.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged.");
    }

    private static StorageUnavailableException storageUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageUnavailableException unavailable) {
                return unavailable;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
