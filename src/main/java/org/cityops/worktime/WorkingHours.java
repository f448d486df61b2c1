package org.cityops.worktime;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working day, in the town's time zone: by default 09:00 to 17:00 in Asia/Shanghai
 * without a lunch break. A lunch break, when both ends are given, is not working time.
 */
@ConfigurationProperties("cityops.worktime")
record WorkingHours(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("09:00") LocalTime dayStart,
		@DefaultValue("17:00") LocalTime dayEnd, LocalTime lunchStart, LocalTime lunchEnd) {

	public WorkingHours {
		if (!dayStart.isBefore(dayEnd)) {
			throw new IllegalArgumentException("cityops.worktime.day-start must be before day-end");
		}
		if ((lunchStart == null) != (lunchEnd == null)) {
			throw new IllegalArgumentException("Give both cityops.worktime.lunch-start and lunch-end, or neither");
		}
		if (lunchStart != null
				&& !(dayStart.isBefore(lunchStart) && lunchStart.isBefore(lunchEnd) && lunchEnd.isBefore(dayEnd))) {
			throw new IllegalArgumentException("The lunch break must lie inside the working day");
		}
	}

	public static WorkingHours standard() {
		return new WorkingHours(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(17, 0), null, null);
	}

	/**
	 * The working periods of a working day, in order: one, or two around the lunch break.
	 */
	List<LocalTime[]> periods() {
		if (this.lunchStart == null) {
			return List.<LocalTime[]>of(new LocalTime[] { this.dayStart, this.dayEnd });
		}
		return List.of(new LocalTime[] { this.dayStart, this.lunchStart },
				new LocalTime[] { this.lunchEnd, this.dayEnd });
	}

	/** How long one working day is. */
	public Duration dayLength() {
		return periods().stream().map((p) -> Duration.between(p[0], p[1])).reduce(Duration.ZERO, Duration::plus);
	}

}
