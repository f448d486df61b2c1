package org.cityops.hotline;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.cityops.cases.Actor;
import org.cityops.hotline.HotlineExport;
import org.cityops.hotline.HotlineImports;
import org.cityops.hotline.HotlineKpis;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What the hotline's API and pages share: imports, exports and figures, periods, and file
 * downloads. Who may call them is said by each endpoint's {@code @PreAuthorize}.
 */
@Component
class HotlineWeb {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final HotlineImports imports;

	private final HotlineExport export;

	private final HotlineKpis kpis;

	private final Clock clock;

	HotlineWeb(HotlineImports imports, HotlineExport export, HotlineKpis kpis, Clock clock) {
		this.imports = imports;
		this.export = export;
		this.kpis = kpis;
		this.clock = clock;
	}

	/**
	 * A period of days (from included, to excluded) in Shanghai, both named days
	 * included.
	 */
	record Period(Instant from, Instant to, LocalDate firstDay, LocalDate lastDay) {
	}

	ResponseEntity<HotlineImports.ImportReport> checked(byte[] file, String filename, Actor actor) {
		HotlineImports.ImportReport report = masked(this.imports.check(file, filename, actor.username()));
		return ResponseEntity.created(java.net.URI.create("/api/v1/hotline/imports/" + report.id())).body(report);
	}

	HotlineImports.ImportReport importReport(long id) {
		return masked(this.imports.report(id));
	}

	HotlineImports.Applied apply(long id, Actor actor) {
		return this.imports.apply(id, actor.username());
	}

	void discard(long id, Actor actor) {
		this.imports.discard(id, actor.username());
	}

	private static HotlineImports.ImportReport masked(HotlineImports.ImportReport r) {
		return new HotlineImports.ImportReport(r.id(), r.filename(), r.format(), r.status(), r.uploadedBy(),
				r.uploadedAt(), r.valid(), r.invalid(), HotlineImports.masked(r.rows()), r.decidedBy(), r.decidedAt());
	}

	ResponseEntity<?> export(Period period, String format) {
		List<Map<String, String>> rows = this.export.rows(period.from(), period.to());
		String name = "12345办结工单_" + period.firstDay() + "_" + period.lastDay();
		return switch (format.toLowerCase(java.util.Locale.ROOT)) {
			case "json" -> ResponseEntity.ok(rows);
			case "csv" -> download(this.export.csv(rows), name + ".csv", "text/csv;charset=UTF-8");
			case "xlsx" -> download(this.export.xlsx(rows), name + ".xlsx", XLSX);
			default -> throw new IllegalArgumentException("format is json, csv or xlsx");
		};
	}

	HotlineKpis.Report kpis(Period period) {
		return this.kpis.report(period.from(), period.to());
	}

	byte[] template() {
		return HotlineExport.template();
	}

	/** Days as 2026-11-01 (both included); without them, the current month. */
	Period period(String from, String to) {
		try {
			LocalDate start = (from != null && !from.isBlank()) ? LocalDate.parse(from.trim())
					: YearMonth.from(LocalDate.ofInstant(this.clock.instant(), SHANGHAI)).atDay(1);
			LocalDate end = (to != null && !to.isBlank()) ? LocalDate.parse(to.trim())
					: YearMonth.from(start).atEndOfMonth();
			org.cityops.shared.Dates.require(start, "from");
			org.cityops.shared.Dates.require(end, "to");
			if (end.isBefore(start)) {
				throw new IllegalArgumentException("'to' (" + end + ") is before 'from' (" + start + ")");
			}
			if (start.plusYears(5).isBefore(end)) {
				throw new IllegalArgumentException("A period is at most five years");
			}
			return new Period(start.atStartOfDay(SHANGHAI).toInstant(),
					end.plusDays(1).atStartOfDay(SHANGHAI).toInstant(), start, end);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Write dates as 2026-11-01 (from and to are both included)");
		}
	}

	static ResponseEntity<byte[]> download(byte[] bytes, String filename, String type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename*=UTF-8''"
							+ URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"))
			.contentType(MediaType.parseMediaType(type))
			.body(bytes);
	}

	static ErrorResponseException tooLarge() {
		return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, ProblemDetail.forStatusAndDetail(
				HttpStatus.PAYLOAD_TOO_LARGE, "The file is larger than 10 MB; split it into several files"), null);
	}

}
