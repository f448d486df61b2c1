package org.cityops.hotline;

import java.util.Arrays;
import java.util.Locale;

/**
 * A caller's rating in a callback (回访).
 */
enum Satisfaction {

	SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Satisfaction parse(String text, String what) {
		if (text == null || text.isBlank()) {
			throw HotlineProblem.invalid("Give the caller's rating of " + what + ": 满意, 基本满意 or 不满意 "
					+ "(SATISFIED, BASICALLY_SATISFIED, DISSATISFIED)");
		}
		String t = text.trim();
		return Arrays.stream(values())
			.filter((s) -> s.label.equals(t) || s.name().equals(t.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> HotlineProblem.invalid("'" + text + "' is not a rating of " + what
					+ "; use 满意, 基本满意 or 不满意 (SATISFIED, BASICALLY_SATISFIED, DISSATISFIED)"));
	}

}
