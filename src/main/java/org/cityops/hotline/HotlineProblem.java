package org.cityops.hotline;

import java.util.List;

/**
 * Why something asked of an order was refused; the web layer maps each kind to its HTTP
 * status.
 */
public class HotlineProblem extends RuntimeException {

	public enum Kind {

		NOT_FOUND, FORBIDDEN, CONFLICT, INVALID

	}

	private final Kind kind;

	private final List<String> errors;

	private HotlineProblem(Kind kind, String message, List<String> errors) {
		super(message, null, false, false);
		this.kind = kind;
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

	public Kind kind() {
		return this.kind;
	}

	/** Each problem found, when there were several (a bad order lists them all). */
	public List<String> errors() {
		return this.errors;
	}

}
