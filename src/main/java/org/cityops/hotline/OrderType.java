package org.cityops.hotline;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the caller wants, as the hotline centre classifies it. Each type has its own
 * conclusion deadline.
 */
enum OrderType {

	CONSULTATION("咨询"), HELP("求助"), COMPLAINT("投诉"), SUGGESTION("建议"), REPORT("举报");

	private final String label;

	OrderType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Reads 咨询 or CONSULTATION (any case); null when the text is neither. */
	static OrderType parse(String text) {
		String t = text.trim();
		return Arrays.stream(values())
			.filter((type) -> type.label.equals(t) || type.name().equals(t.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
	}

}
