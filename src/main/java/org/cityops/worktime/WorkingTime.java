package org.cityops.worktime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines in working time, for every module. The calendar is data in the database: the
 * 2025 and 2026 notices ship with CityOps and are loaded on first start; administrators
 * load later years. A year without a notice counts Monday to Friday as working days and
 * says so in the log.
 */
@Service
public class WorkingTime implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(WorkingTime.class);

	private static final String SHIPPED = "/worktime/cn-public-holidays.csv";

	private final CalendarStore store;

	private final WorkingHours hours;

	private final Clock clock;

	private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

	private volatile WorkCalendar calendar;

	WorkingTime(CalendarStore store, WorkingHours hours, Clock clock) {
		this.store = store;
		this.hours = hours;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		loadShippedYears();
		reload();
	}

	/** The deadline {@code amount} units after {@code start}. */
	public Instant plus(Instant start, long amount, DeadlineUnit unit) {
		if (amount < 0 || amount > 100_000) {
			throw new IllegalArgumentException("The amount must be between 0 and 100000, got " + amount);
		}
		WorkCalendar c = calendarFor(start);
		return switch (unit) {
			case WORKING_HOURS -> c.plusWorkingTime(start, Duration.ofHours(amount));
			case WORKING_DAYS -> c.plusWorkingTime(start, this.hours.dayLength().multipliedBy(amount));
			case CALENDAR_DAYS -> start.atZone(this.hours.zone()).plusDays(amount).toInstant();
		};
	}

	/**
	 * The instant when {@code amount} of working time has passed after {@code start} (at
	 * most ten years of it).
	 */
	public Instant plusWorkingTime(Instant start, Duration amount) {
		if (amount.isNegative() || amount.compareTo(Duration.ofHours(20_000)) > 0) {
			throw new IllegalArgumentException("The working time must be between 0 and 20000 hours, got " + amount);
		}
		return calendarFor(start).plusWorkingTime(start, amount);
	}

	/**
	 * The working time elapsed between two instants (zero if {@code to} is not after
	 * {@code from}).
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		return calendarFor(from).workingTimeBetween(from, to);
	}

	/**
	 * {@link #workingTimeBetween} in the given unit, as a decimal (calendar days count
	 * every day).
	 */
	public double between(Instant from, Instant to, DeadlineUnit unit) {
		return switch (unit) {
			case WORKING_HOURS -> workingTimeBetween(from, to).toSeconds() / 3600.0;
			case WORKING_DAYS -> workingTimeBetween(from, to).toSeconds() / (double) this.hours.dayLength().toSeconds();
			case CALENDAR_DAYS -> Math.max(0, Duration.between(from, to).toSeconds()) / 86_400.0;
		};
	}

	public boolean isWorkingDay(LocalDate date) {
		return this.calendar.isWorkingDay(date);
	}

	public boolean isWorkingTime(Instant instant) {
		return this.calendar.isWorkingTime(instant);
	}

	/** Whether the official notice for the year has been loaded. */
	public boolean knowsYear(int year) {
		return this.calendar.knowsYear(year);
	}

	public WorkingHours hours() {
		return this.hours;
	}

	public List<CalendarDay> days(int year) {
		return this.store.all().stream().filter((d) -> d.date().getYear() == year).toList();
	}

	/**
	 * Loads official calendar CSV ({@code date,kind,name}); each year in the file
	 * replaces that year's dates.
	 * @return the years loaded
	 * @throws CalendarRejected with every problem; nothing is changed then
	 */
	@Transactional
	public Set<Integer> load(byte[] csv, String loadedBy) {
		Map<Integer, List<CalendarDay>> years = CalendarFile.read(csv);
		Instant now = this.clock.instant();
		years.forEach((year, days) -> this.store.replaceYear(year, days, loadedBy, now));
		reload();
		return years.keySet();
	}

	@Scheduled(fixedDelayString = "${cityops.worktime.refresh-interval:5m}",
			initialDelayString = "${cityops.worktime.refresh-interval:5m}")
	void reload() {
		this.calendar = new WorkCalendar(this.hours, this.store.all());
	}

	private WorkCalendar calendarFor(Instant start) {
		WorkCalendar c = this.calendar;
		int year = start.atZone(this.hours.zone()).getYear();
		if (!c.knowsYear(year) && this.warnedYears.add(year)) {
			log.warn("No official holiday calendar is loaded for {}; counting Monday to Friday as working days. "
					+ "An administrator loads it with POST /api/v1/worktime/calendar", year);
		}
		return c;
	}

	private void loadShippedYears() {
		try (InputStream in = WorkingTime.class.getResourceAsStream(SHIPPED)) {
			Map<Integer, List<CalendarDay>> shipped = CalendarFile.read(in.readAllBytes());
			shipped.forEach((year, days) -> {
				if (!this.store.hasYear(year)) {
					this.store.replaceYear(year, days, "shipped", this.clock.instant());
					log.info("Loaded the official holiday calendar for {} ({} dates)", year, days.size());
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
