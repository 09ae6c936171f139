package com.quickeats.adapter.http.problem;

/** A refusal decided by the adapter itself, before any use case ran: bad headers, bodies, paths, tokens. */
public final class ApiProblemException extends RuntimeException {
    private final transient Problem problem;

    public ApiProblemException(Problem problem) {
        super(problem.type().slug() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ApiProblemException of(ProblemType type, String detail) {
        return new ApiProblemException(Problem.of(type, detail));
    }

    public static ApiProblemException unauthenticated(String detail) {
        return new ApiProblemException(Problem.of(ProblemType.UNAUTHENTICATED, detail)
                .withHeader("WWW-Authenticate", "Bearer"));
    }

    public static ApiProblemException notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public Problem problem() {
        return problem;
    }
}
