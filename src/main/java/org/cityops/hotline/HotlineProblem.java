package org.cityops.hotline;

import java.util.List;

/**
 * Why something asked of an order was refused (its kind says the HTTP status; a bad order
 * lists each of its problems).
 */
class HotlineProblem extends org.cityops.shared.Problem {

	private final List<String> errors;

	private HotlineProblem(Kind kind, String message, List<String> errors) {
		super(kind, message);
		this.errors = errors;
	}

	static HotlineProblem notFound(String what) {
		return new HotlineProblem(Kind.NOT_FOUND, "No hotline order " + what, List.of());
	}

	static HotlineProblem forbidden(String message) {
		return new HotlineProblem(Kind.FORBIDDEN, message, List.of());
	}

	static HotlineProblem conflict(String message) {
		return new HotlineProblem(Kind.CONFLICT, message, List.of());
	}

	static HotlineProblem invalid(String message) {
		return new HotlineProblem(Kind.INVALID, message, List.of());
	}

	static HotlineProblem invalid(String message, List<String> errors) {
		return new HotlineProblem(Kind.INVALID, message, List.copyOf(errors));
	}

	/** Each problem found, when there were several (a bad order lists them all). */
	public List<String> errors() {
		return this.errors;
	}

	@Override
	public java.util.Map<String, Object> properties() {
		return this.errors.isEmpty() ? java.util.Map.of() : java.util.Map.of("errors", this.errors);
	}

}
