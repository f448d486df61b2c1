package org.cityops.cases;

/**
 * The escalation ladder: 琐事不出社区，小事不出网格，大事不出街镇，难事不出普陀.
 */
public enum Level {

	COMMITTEE, GRID, TOWN, DISTRICT;

	Level up() {
		return switch (this) {
			case COMMITTEE -> GRID;
			case GRID -> TOWN;
			case TOWN, DISTRICT -> DISTRICT;
		};
	}

}
