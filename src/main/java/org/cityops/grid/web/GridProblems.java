package org.cityops.grid.web;

import java.net.URI;

import org.cityops.grid.GridImportRejected;
import org.cityops.grid.GridNotFound;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The grid's own failures as RFC 7807 problem details, wherever they surface (any
 * module's controller may look a place up).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GridProblems {

	@ExceptionHandler(GridImportRejected.class)
	ProblemDetail rejected(GridImportRejected ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				ex.total() + " problem(s) found; nothing was imported. Fix them and send the whole file again.");
		problem.setTitle("Grid file rejected");
		problem.setType(URI.create("/problems/grid-file-rejected"));
		problem.setProperty("problems", ex.problems());
		problem.setProperty("total", ex.total());
		return problem;
	}

	@ExceptionHandler(GridNotFound.class)
	ProblemDetail notFound(GridNotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create("/problems/" + ex.kind()));
		problem.setTitle(switch (ex.kind()) {
			case "outside-jurisdiction" -> "Outside the jurisdiction";
			case "address" -> "Address not known";
			default -> "Not found";
		});
		return problem;
	}

}
