package org.cityops.cases;

import java.util.List;

/**
 * Why something asked of a case was refused (its kind says the HTTP status; a refusal for
 * the case's status lists the actions allowed now).
 */
public class CaseProblem extends org.cityops.shared.Problem {

	private final List<String> allowed;

	private CaseProblem(Kind kind, String message, List<String> allowed) {
		super(kind, message);
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

	/**
	 * The actions allowed now, when the refusal is about the case's status; else null.
	 */
	public List<String> allowed() {
		return this.allowed;
	}

	@Override
	public String title() {
		return (kind() == Kind.CONFLICT && this.allowed != null) ? "Not allowed in this status" : null;
	}

	@Override
	public java.util.Map<String, Object> properties() {
		return (kind() == Kind.CONFLICT && this.allowed != null) ? java.util.Map.of("allowed", this.allowed)
				: java.util.Map.of();
	}

}
