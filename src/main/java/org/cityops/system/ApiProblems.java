package org.cityops.system;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad requests to any REST controller into RFC 7807 problem details whose
 * {@code detail} tells a person what to change: the one mapping of every module's
 * refusals ({@link org.cityops.shared.Problem}) and of malformed requests.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1)
class ApiProblems extends ResponseEntityExceptionHandler {

	/**
	 * Every module's refusals: the status of their kind, their message as the detail, and
	 * what they add (each bad item, the actions allowed now).
	 */
	@ExceptionHandler(org.cityops.shared.Problem.class)
	ProblemDetail onProblem(org.cityops.shared.Problem ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.httpStatus()), ex.getMessage());
		if (ex.title() != null) {
			problem.setTitle(ex.title());
		}
		if (ex.type() != null) {
			problem.setType(java.net.URI.create(ex.type()));
		}
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ProblemDetail onNotMultipart(org.springframework.web.multipart.MultipartException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Send the file as multipart/form-data (a form with a file field)");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail onIllegalArgument(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail onConstraintViolation(ConstraintViolationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some parameters are invalid");
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map((v) -> Map.of("parameter", v.getPropertyPath().toString(), "reason", v.getMessage()))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "a parameter";
		String type = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"'" + ex.getValue() + "' is not a valid value for " + name + " (expected " + describe(type) + ")");
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The parameter '" + ex.getParameterName() + "' is required");
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getCause() instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
				&& TextHygiene.CONTROL_CHARACTER.equals(invalid.getOriginalMessage())) {
			String field = invalid.getPath()
				.stream()
				.map((p) -> (p.getFieldName() != null) ? p.getFieldName() : "[" + p.getIndex() + "]")
				.collect(java.util.stream.Collectors.joining("."))
				.replace(".[", "[");
			ProblemDetail refused = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
					getMessageSource().getMessage("problem.control-character", new Object[] { field },
							org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			refused.setProperty("field", field);
			return handleExceptionInternal(ex, refused, headers, HttpStatus.UNPROCESSABLE_ENTITY, request);
		}
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape; check brackets, quotes and field types");
		return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static String describe(String type) {
		return switch (type) {
			case "double", "Double", "float", "Float" -> "a decimal number";
			case "int", "Integer", "long", "Long" -> "a whole number";
			default -> type;
		};
	}

}
