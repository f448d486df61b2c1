package org.cityops.worktime;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deadline arithmetic over the official 2025 and 2026 calendars: nights, weekends,
 * holidays, and the Saturdays and Sundays that are working days (调休上班).
 */
class WorkCalendarTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static WorkCalendar calendar;

	static WorkCalendar withLunch;

	@BeforeAll
	static void load() throws IOException {
		try (InputStream in = WorkCalendarTests.class.getResourceAsStream("/worktime/cn-public-holidays.csv")) {
			Collection<CalendarDay> days = CalendarFile.read(in.readAllBytes())
				.values()
				.stream()
				.flatMap(List::stream)
				.toList();
			calendar = new WorkCalendar(WorkingHours.standard(), days);
			withLunch = new WorkCalendar(new WorkingHours(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(17, 30),
					LocalTime.of(11, 30), LocalTime.of(13, 0)), days);
		}
	}

	static Instant at(String local) {
		return OffsetDateTime.parse(local + "+08:00").toInstant();
	}

	static String local(Instant instant) {
		return instant.atZone(SHANGHAI).toLocalDateTime().toString();
	}

	@ParameterizedTest(name = "{0} + {1} working hours = {2}")
	@CsvSource({
			// an ordinary Wednesday
			"2026-03-11T10:00, 2, 2026-03-11T12:00", "2026-03-11T09:00, 8, 2026-03-11T17:00",
			// overnight: the hours left roll into the next morning
			"2026-03-11T16:00, 2, 2026-03-12T10:00", "2026-03-11T17:00, 1, 2026-03-12T10:00",
			// started at night or before opening: counting starts at 09:00
			"2026-03-11T22:30, 1, 2026-03-12T10:00", "2026-03-12T06:00, 3, 2026-03-12T12:00",
			// a weekend in between
			"2026-03-13T16:00, 2, 2026-03-16T10:00", "2026-03-14T11:00, 5, 2026-03-16T14:00",
			// zero hours outside working time is the next opening
			"2026-03-14T11:00, 0, 2026-03-16T09:00",
			// National Day and Mid-Autumn 2026: holidays 10-01..10-07, working Saturday
			// 10-10
			"2026-09-30T16:00, 2, 2026-10-08T10:00", "2026-10-09T16:00, 2, 2026-10-10T10:00",
			// Sunday 2026-09-20 is an adjusted working day, and so is Sunday 2026-01-04
			"2026-09-19T10:00, 1, 2026-09-20T10:00", "2026-01-02T10:00, 1, 2026-01-04T10:00",
			// Spring Festival 2026: Saturday 02-14 is worked, 02-15..02-23 off, Saturday
			// 02-28 worked
			"2026-02-13T16:00, 3, 2026-02-14T11:00", "2026-02-14T16:00, 3, 2026-02-24T11:00",
			"2026-02-27T16:30, 1, 2026-02-28T09:30",
			// 2025: the Sunday before Spring Festival (01-26) and Saturday 02-08 are
			// worked
			"2025-01-24T16:00, 2, 2025-01-26T10:00", "2025-01-27T16:00, 2, 2025-02-05T10:00",
			"2025-02-07T16:00, 2, 2025-02-08T10:00",
			// across the new year
			"2025-12-31T16:00, 2, 2026-01-04T10:00" })
	void addsWorkingHours(String start, long hours, String expected) {
		assertThat(local(calendar.plusWorkingTime(at(start), Duration.ofHours(hours)))).isEqualTo(expected);
	}

	@Test
	void aLunchBreakIsNotWorkingTime() {
		assertThat(local(withLunch.plusWorkingTime(at("2026-03-11T11:00"), Duration.ofHours(1))))
			.isEqualTo("2026-03-11T13:30");
		assertThat(local(withLunch.plusWorkingTime(at("2026-03-11T12:00"), Duration.ofMinutes(30))))
			.isEqualTo("2026-03-11T13:30");
		assertThat(withLunch.workingTimeBetween(at("2026-03-11T09:00"), at("2026-03-11T17:30")))
			.isEqualTo(Duration.ofHours(7));
	}

	@Test
	void countsWorkingTimeBetweenTwoInstants() {
		assertThat(calendar.workingTimeBetween(at("2026-09-30T16:00"), at("2026-10-08T10:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(calendar.workingTimeBetween(at("2026-03-13T18:00"), at("2026-03-16T08:00"))).isZero();
		assertThat(calendar.workingTimeBetween(at("2026-03-16T12:00"), at("2026-03-16T10:00"))).isZero();
		assertThat(calendar.workingTimeBetween(at("2026-03-09T00:00"), at("2026-03-16T00:00")))
			.isEqualTo(Duration.ofHours(40));
	}

	@Test
	void plusAndBetweenAreInversesEverywhereInTwoYears() {
		Random random = new Random(2026);
		Instant from = at("2025-01-01T00:00");
		long span = Duration.between(from, at("2026-12-01T00:00")).toMinutes();
		for (int i = 0; i < 20_000; i++) {
			Instant start = from.plus(Duration.ofMinutes((long) (random.nextDouble() * span)));
			Duration amount = Duration.ofMinutes(random.nextInt(60 * 8 * 20));
			Instant deadline = calendar.plusWorkingTime(start, amount);
			assertThat(calendar.workingTimeBetween(start, deadline)).as("from %s", start).isEqualTo(amount);
			if (!amount.isZero()) {
				assertThat(calendar.isWorkingTime(deadline.minusSeconds(1))).as("deadline %s", deadline).isTrue();
			}
		}
	}

	@Test
	void everyDateOfTheNoticesIsClassified() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday, 调休").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("ordinary Sunday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12))).as("ordinary Monday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 31))).as("Dragon Boat, Saturday").isFalse();
		assertThat(calendar.knowsYear(2026)).isTrue();
		assertThat(calendar.knowsYear(2027)).isFalse();
	}

	@Test
	void rejectsBadCalendarFilesWhole() {
		assertThatThrownBy(
				() -> CalendarFile.read("2026-13-01,holiday,x\n2026-10-12,workday,x\n2026-10-01,party,x\n".getBytes()))
			.isInstanceOfSatisfying(CalendarRejected.class,
					(ex) -> assertThat(ex.problems()).containsExactly(
							"Line 1: '2026-13-01' is not a date like 2026-10-01",
							"Line 2: 2026-10-12 is a monday; an adjusted working day (调休上班) falls on a weekend",
							"Line 3: kind 'party' must be holiday or workday"));
		assertThatThrownBy(() -> CalendarFile.read("2027-01-01,holiday,元旦\n2027-01-01,holiday,元旦\n".getBytes()))
			.isInstanceOf(CalendarRejected.class)
			.hasMessageContaining("1 problem");
	}

}
