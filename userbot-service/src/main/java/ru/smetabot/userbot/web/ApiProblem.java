package ru.smetabot.userbot.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refusal the API answers as a problem detail with one of the {@code UserbotProblems} types. */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, URI type, String detail) {
        super(status, problem(status, type, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
