package io.nextorm.sample.web;

import io.nextorm.ObjectNotFoundException;
import io.nextorm.OptimisticCheckException;
import io.nextorm.SqlExecutionException;
import io.nextorm.sample.library.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error of the API as an RFC 9457 problem detail ({@code application/problem+json}): 400 for
 * invalid input (with the field errors in {@code errors}), 404 for a missing object, 409 for a
 * duplicate or a stale change. What Spring itself raises (unreadable JSON, a wrong method, ...) is
 * answered the same way by {@link ResponseEntityExceptionHandler}; anything unexpected is a 500 problem
 * detail that says nothing about the SQL or the data, with the details in the log.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** Creates the advice; called by Spring. */
    public ProblemDetailsAdvice() {
    }

    /**
     * 404 for an object that does not exist.
     *
     * @param e what was not found
     * @return the problem
     */
    @ExceptionHandler(ObjectNotFoundException.class)
    public ProblemDetail notFound(ObjectNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /**
     * 409 for a change of an object that changed since it was read: a version the client sent that
     * is no longer the object's, or a concurrent change caught by nextorm's optimistic check.
     *
     * @param e the failed check
     * @return the problem
     */
    @ExceptionHandler(OptimisticCheckException.class)
    public ProblemDetail stale(OptimisticCheckException e) {
        return problem(HttpStatus.CONFLICT, "Changed concurrently", e.getMessage());
    }

    /**
     * 409 for a duplicate name or ISBN.
     *
     * @param e the conflict
     * @return the problem
     */
    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Duplicate", e.getMessage());
    }

    /**
     * 409 for a constraint the database refused (a duplicate that got in between our check and the
     * insert); 500 for any other database error. The SQL stays in the log.
     *
     * @param e the database error
     * @return the problem
     */
    @ExceptionHandler(SqlExecutionException.class)
    public ProblemDetail database(SqlExecutionException e) {
        if (e.isIntegrityViolation()) {
            LOG.info("Refused by a database constraint: {}", e.getMessage());
            return problem(HttpStatus.CONFLICT, "Duplicate",
                    "The change conflicts with data the library holds already (a unique name or ISBN)");
        }
        return unexpected(e);
    }

    /**
     * 400 for an argument the API refuses (an unknown sort, merging an author into itself).
     *
     * @param e the refusal
     * @return the problem
     */
    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail badArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
    }

    /**
     * 500 for anything else, as a problem detail too.
     *
     * @param e the error
     * @return the problem
     */
    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        LOG.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed unexpectedly; the server log has the details");
    }

    /**
     * Adds the field errors of an invalid body, as {@code errors: [{field, message}]}.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
                                                                        HttpHeaders headers, HttpStatusCode status,
                                                                        ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", message(error)))
                .toList();
        ex.getBody().setTitle("Invalid request");
        ex.getBody().setDetail(errors.size() == 1 ? "One field is invalid" : errors.size() + " fields are invalid");
        ex.getBody().setProperty("errors", errors);
        return super.handleWebExchangeBindException(ex, headers, status, exchange);
    }

    /**
     * Adds the parameter errors of invalid request parameters ({@code page=0}), as
     * {@code errors: [{field, message}]}.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                                HttpHeaders headers,
                                                                                HttpStatusCode status,
                                                                                ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ex.getBody().setTitle("Invalid request");
        ex.getBody().setProperty("errors", errors);
        return super.handleHandlerMethodValidationException(ex, headers, status, exchange);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
