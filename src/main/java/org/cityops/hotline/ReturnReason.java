package org.cityops.hotline;

import java.util.Arrays;
import java.util.Locale;

/**
 * The standard reasons for returning an order to the hotline centre (退单).
 */
enum ReturnReason {

	/** The place is not in this town. */
	NOT_OUR_AREA("属地不符"),
	/** Whose property or duty it is cannot be established. */
	OWNERSHIP_UNCLEAR("权属不清"),
	/** Several authorities' duties overlap and the lead one is elsewhere. */
	OVERLAPPING_DUTIES("职能交叉"),
	/** A matter for a court, an enterprise or another authority, not the town. */
	NOT_GOVERNMENT_DUTY("非本级政府职能"),
	/** The order lacks what is needed to act and the caller cannot be reached. */
	INSUFFICIENT_INFORMATION("诉求不清"),
	/** The same matter is already an order. */
	DUPLICATE("重复工单");

	private final String label;

	ReturnReason(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static ReturnReason parse(String text) {
		if (text == null || text.isBlank()) {
			throw HotlineProblem.invalid("Give the reason for returning the order, one of " + choices());
		}
		String t = text.trim();
		return Arrays.stream(values())
			.filter((r) -> r.label.equals(t) || r.name().equals(t.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> HotlineProblem.invalid("'" + text + "' is not a standard reason; one of " + choices()));
	}

	private static String choices() {
		return Arrays.stream(values()).map((r) -> r.name() + " (" + r.label + ")").toList().toString();
	}

}
