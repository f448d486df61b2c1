package org.cityops.worktime;

import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cityops.worktime.CalendarDay;
import org.cityops.worktime.DeadlineUnit;
import org.cityops.worktime.WorkingTime;

import org.cityops.shared.Dates;

import org.cityops.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deadlines and the working-time calendar over HTTP.
 */
@RestController
@RequestMapping("/api/v1/worktime")
@Tag(name = "worktime", description = "Working time: deadlines across nights, weekends, holidays and 调休")
class WorktimeApiController {

	private final WorkingTime workingTime;

	WorktimeApiController(WorkingTime workingTime) {
		this.workingTime = workingTime;
	}

	@GetMapping("/deadline")
	@Operation(summary = "The deadline a number of working hours, working days or calendar days after a start")
	Map<String, Object> deadline(
			@Parameter(description = "ISO-8601 with offset, e.g. 2026-09-30T16:00:00+08:00") @RequestParam String start,
			@RequestParam long amount,
			@Parameter(description = "WORKING_HOURS, WORKING_DAYS or CALENDAR_DAYS") @RequestParam String unit) {
		OffsetDateTime from = parse(start, "start");
		DeadlineUnit u = DeadlineUnit.parse(unit);
		long most = switch (u) {
			case WORKING_HOURS -> 20_000;
			case WORKING_DAYS -> 2_500;
			case CALENDAR_DAYS -> 3_660;
		};
		if (amount < 0 || amount > most) {
			throw new IllegalArgumentException("amount is 0 to " + most + " " + u + " (about ten years)");
		}
		Instant deadline = this.workingTime.plus(from.toInstant(), amount, u);
		return Map.of("deadline", deadline.atZone(this.workingTime.hours().zone()).toOffsetDateTime().toString(),
				"holidaysKnown", this.workingTime.knowsYear(from.getYear())
						&& this.workingTime.knowsYear(deadline.atZone(this.workingTime.hours().zone()).getYear()));
	}

	@GetMapping("/between")
	@Operation(summary = "The working time between two instants, in hours and working days")
	Map<String, Object> between(@RequestParam String from, @RequestParam String to) {
		Instant a = parse(from, "from").toInstant();
		Instant b = parse(to, "to").toInstant();
		Dates.requireSpan(a, b, "from … to");
		return Map.of("workingMinutes", this.workingTime.workingTimeBetween(a, b).toMinutes(), "workingHours",
				this.workingTime.between(a, b, DeadlineUnit.WORKING_HOURS), "workingDays",
				this.workingTime.between(a, b, DeadlineUnit.WORKING_DAYS));
	}

	@GetMapping("/calendar")
	@Operation(summary = "The holidays and adjusted working days of a year")
	Map<String, Object> calendar(@RequestParam int year) {
		Dates.requireYear(year, "year");
		List<CalendarDay> days = this.workingTime.days(year);
		return Map.of("year", year, "loaded", this.workingTime.knowsYear(year), "days", days);
	}

	@PostMapping(value = "/calendar", consumes = { "text/csv", "text/plain" })
	@PreAuthorize(Access.ADMIN)
	@Operation(
			summary = "Load official calendar dates as CSV date,kind,name (ADMIN); each year in the file is replaced")
	Map<String, Object> load(@RequestBody byte[] csv, Principal principal) {
		Set<Integer> years = this.workingTime.load(csv, principal.getName());
		return Map.of("years", years);
	}

	private static OffsetDateTime parse(String value, String name) {
		try {
			// an unencoded '+' in a query string arrives as a space
			OffsetDateTime t = OffsetDateTime.parse(value.trim().replace(' ', '+'));
			Dates.require(t.toInstant(), name);
			return t;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + value + "' is not a valid " + name
					+ ": use ISO-8601 with an offset, e.g. 2026-09-30T16:00:00+08:00");
		}
	}

}
