package org.cityops.hotline;

/**
 * Where a department's request to treat an order as complex (复杂件, the longer conclusion
 * limit) stands: asked for once, then approved or denied by the operator, never again.
 */
enum ComplexLimit {

	REQUESTED, APPROVED, DENIED;

	/** The state after the operator's decision. */
	ComplexLimit decide(boolean approve) {
		if (this != REQUESTED) {
			throw HotlineProblem.conflict("No extension is waiting for a decision");
		}
		return approve ? APPROVED : DENIED;
	}

	static ComplexLimit parse(String stored) {
		return (stored != null) ? valueOf(stored) : null;
	}

}
