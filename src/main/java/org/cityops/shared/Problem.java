package org.cityops.shared;

import java.util.Map;

/**
 * A request refused for a reason a person can act on: the one kind of exception every
 * module throws for it, answered in one place (the REST controllers' problem details, the
 * pages' error page) with the status its kind says — 422 for a broken rule everywhere.
 * The message says what to change; {@link #properties} adds what a client needs to fix it
 * (each bad item, the actions allowed now).
 */
public abstract class Problem extends RuntimeException {

	/** What kind of refusal, and its HTTP status. */
	public enum Kind {

		/** A rule of the domain or the input is broken. */
		INVALID(422),
		/** No such thing, or not within the caller's reach. */
		NOT_FOUND(404),
		/** The caller may not do this. */
		FORBIDDEN(403),
		/** Not now: the object's state does not allow it. */
		CONFLICT(409);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

	private final Kind kind;

	protected Problem(Kind kind, String message) {
		super(message, null, false, false);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The HTTP status of the answer. */
	public int httpStatus() {
		return this.kind.status();
	}

	/** A short title for the answer, or null for the status's own. */
	public String title() {
		return null;
	}

	/** A URI naming the kind of problem, or null. */
	public String type() {
		return null;
	}

	/** Further fields of the answer; none unless a module adds them. */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
