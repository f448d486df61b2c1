package org.cityops.cases;

import java.util.List;

/**
 * Why something asked of a case was refused; the web layer maps each kind to its HTTP
 * status.
 */
public class CaseProblem extends RuntimeException {

	public enum Kind {

		NOT_FOUND, FORBIDDEN, CONFLICT, INVALID

	}

	private final Kind kind;

	/**
	 * The HTTP status that says this kind of refusal, for the API and the pages alike.
	 */
	public org.springframework.http.HttpStatus status() {
		return switch (this.kind) {
			case NOT_FOUND -> org.springframework.http.HttpStatus.NOT_FOUND;
			case FORBIDDEN -> org.springframework.http.HttpStatus.FORBIDDEN;
			case CONFLICT -> org.springframework.http.HttpStatus.CONFLICT;
			case INVALID -> org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY;
		};
	}

	private final List<String> allowed;

	private CaseProblem(Kind kind, String message, List<String> allowed) {
		super(message, null, false, false);
		this.kind = kind;
		this.allowed = allowed;
	}

	static CaseProblem notFound(long id) {
		return new CaseProblem(Kind.NOT_FOUND, "No case with id " + id, List.of());
	}

	static CaseProblem forbidden(String message) {
		return new CaseProblem(Kind.FORBIDDEN, message, List.of());
	}

	static CaseProblem illegal(Case c, Action action) {
		List<String> allowed = Action.allowedNow(c);
		return new CaseProblem(Kind.CONFLICT, "A case in status " + c.status() + " cannot be '" + action.key()
				+ "'; allowed now: " + (allowed.isEmpty() ? "nothing (the case is finished)" : allowed), allowed);
	}

	/** Another request with the same idempotency key is being handled right now. */
	static CaseProblem inProgress(String message) {
		return new CaseProblem(Kind.CONFLICT, message, null);
	}

	static CaseProblem invalid(String message) {
		return new CaseProblem(Kind.INVALID, message, List.of());
	}

	public Kind kind() {
		return this.kind;
	}

	/**
	 * The actions allowed now, when the refusal is about the case's status; else null.
	 */
	public List<String> allowed() {
		return this.allowed;
	}

}
