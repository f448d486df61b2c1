package org.cityops.grid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The levels of the territory. The tree is district → town → area → block → unit;
 * committees hang under their town and compounds under their committee.
 */
public enum GridLevel {

	DISTRICT("区"), TOWN("街镇"), AREA("片区"), BLOCK("责任块"), UNIT("责任单元"), COMMITTEE("居村委"), COMPOUND("小区");

	private final String chinese;

	GridLevel(String chinese) {
		this.chinese = chinese;
	}

	public String chinese() {
		return this.chinese;
	}

	/**
	 * The level a feature of this level must have as its parent, empty for the district.
	 */
	public Optional<GridLevel> parentLevel() {
		return switch (this) {
			case DISTRICT -> Optional.empty();
			case TOWN -> Optional.of(DISTRICT);
			case AREA, COMMITTEE -> Optional.of(TOWN);
			case BLOCK -> Optional.of(AREA);
			case UNIT -> Optional.of(BLOCK);
			case COMPOUND -> Optional.of(COMMITTEE);
		};
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<GridLevel> parse(String text) {
		return Arrays.stream(values()).filter((l) -> l.name().equalsIgnoreCase(text == null ? "" : text)).findFirst();
	}

}
