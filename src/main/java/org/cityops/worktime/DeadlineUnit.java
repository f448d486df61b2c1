package org.cityops.worktime;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a deadline is counted.
 */
public enum DeadlineUnit {

	/** Hours of working time: only working hours on working days count. */
	WORKING_HOURS,
	/**
	 * Working days, each as long as one working day's hours (1 working day from 10:00 is
	 * 10:00 the next).
	 */
	WORKING_DAYS,
	/**
	 * Plain days on the calendar in the town's time zone, weekends and holidays included.
	 */
	CALENDAR_DAYS;

	public static DeadlineUnit parse(String text) {
		return Arrays.stream(values())
			.filter((u) -> u.name().equalsIgnoreCase(text == null ? "" : text.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown unit '" + text + "'; use WORKING_HOURS, WORKING_DAYS or CALENDAR_DAYS"));
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
