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

	static CaseProblem invalid(String message) {
		return new CaseProblem(Kind.INVALID, message, List.of());
	}

	public Kind kind() {
		return this.kind;
	}

	public List<String> allowed() {
		return this.allowed;
	}

}
