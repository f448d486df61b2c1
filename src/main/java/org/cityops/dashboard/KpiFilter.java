package org.cityops.dashboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cityops.shared.Reach;

/**
 * Which cases a figure counts: those reported in [{@code from}, {@code to}), optionally
 * only in one area, block or unit, of one department, category or channel, and always
 * only those within the reader's {@link Reach} (all of them for the town-wide desks).
 */
public record KpiFilter(Instant from, Instant to, String area, String block, String unit, String department,
		String category, String channel, Reach reach) {

	public KpiFilter {
		if (from == null || to == null || !from.isBefore(to)) {
			throw DashboardProblem.invalid("Give a period: from before to (ISO-8601 instants)");
		}
		reach = (reach != null) ? reach : Reach.none();
	}

	/** A town-wide filter: the platform's own figures (reports, the screen). */
	public KpiFilter(Instant from, Instant to, String area, String block, String unit, String department,
			String category, String channel) {
		this(from, to, area, block, unit, department, category, channel, Reach.all());
	}

	public static KpiFilter period(Instant from, Instant to) {
		return new KpiFilter(from, to, null, null, null, null, null, null);
	}

	/** The dimensions the filter names, column → value (stripped), in a fixed order. */
	Map<String, String> dimensions() {
		Map<String, String> given = new LinkedHashMap<>();
		put(given, "area_code", this.area);
		put(given, "block_code", this.block);
		put(given, "unit_code", this.unit);
		put(given, "department_code", this.department);
		put(given, "category_code", this.category);
		put(given, "channel", this.channel);
		return given;
	}

	private static void put(Map<String, String> given, String column, String value) {
		if (value != null && !value.isBlank()) {
			given.put(column, value.strip());
		}
	}

	/** The same filter with another department (for rankings). */
	KpiFilter department(String code) {
		return new KpiFilter(this.from, this.to, this.area, this.block, this.unit, code, this.category, this.channel,
				this.reach);
	}

	/** The same filter, limited to what a reader reaches. */
	public KpiFilter within(Reach readerReach) {
		return new KpiFilter(this.from, this.to, this.area, this.block, this.unit, this.department, this.category,
				this.channel, readerReach);
	}

	/** Whether the filter counts the whole town (so the town-wide cube can answer it). */
	boolean townWide() {
		return this.reach.units() == null && this.reach.department() == null;
	}

}
