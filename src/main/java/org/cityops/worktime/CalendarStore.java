package org.cityops.worktime;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The official calendar's special dates in PostgreSQL, one row per date.
 */
@Repository
class CalendarStore {

	private final JdbcClient jdbc;

	CalendarStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CalendarDay> all() {
		return this.jdbc.sql("select day, kind, name from worktime_day order by day")
			.query((rs, i) -> new CalendarDay(rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")),
					rs.getString("name")))
			.list();
	}

	boolean hasYear(int year) {
		return this.jdbc.sql("select count(*) from worktime_day where extract(year from day) = ?")
			.param(year)
			.query(Long.class)
			.single() > 0;
	}

	/** Replaces every special date of the year with the given ones. */
	void replaceYear(int year, List<CalendarDay> days, String loadedBy, Instant now) {
		this.jdbc.sql("delete from worktime_day where extract(year from day) = ?").param(year).update();
		for (CalendarDay day : days) {
			this.jdbc.sql("insert into worktime_day (day, kind, name, loaded_by, loaded_at) values (?, ?, ?, ?, ?)")
				.params(Date.valueOf(day.date()), day.kind().name(), day.name(), loadedBy, Timestamp.from(now))
				.update();
		}
	}

}
