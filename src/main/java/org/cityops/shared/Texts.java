package org.cityops.shared;

/**
 * Text as people type it into optional fields.
 */
public final class Texts {

	private Texts() {
	}

	/** The text without surrounding white space, or null when there is none. */
	public static String orNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
