package org.cityops.system;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * An RFC 7807 answer written by a filter, before any controller (and its advice) is
 * reached.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			ProblemDetail problem) throws IOException {
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
