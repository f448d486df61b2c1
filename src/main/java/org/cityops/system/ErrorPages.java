package org.cityops.system;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;

/**
 * Spring Boot's error page and problem answer, except that {@code /error} asked for
 * directly (no error behind it) is a 404 rather than a server error.
 */
@Controller
class ErrorPages extends BasicErrorController {

	ErrorPages(ErrorAttributes attributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
		super(attributes, server.getError(), resolvers);
	}

	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			return HttpStatus.NOT_FOUND;
		}
		return super.getStatus(request);
	}

}
