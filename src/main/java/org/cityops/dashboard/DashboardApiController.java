package org.cityops.dashboard;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.cityops.cases.Actor;
import org.cityops.dashboard.AlarmKpis;
import org.cityops.dashboard.CaseCounts;
import org.cityops.dashboard.CaseKpis;
import org.cityops.dashboard.CaseExport;
import org.cityops.dashboard.DashboardProblem;
import org.cityops.dashboard.Evaluation;
import org.cityops.dashboard.KpiFilter;
import org.cityops.dashboard.LiveFeed;
import org.cityops.dashboard.Period;
import org.cityops.dashboard.MonthlyReport;
import org.cityops.dashboard.ReadModels;
import org.cityops.dashboard.ReportArchive;
import org.cityops.dashboard.Screen;

import org.cityops.shared.Access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The operations centre's figures: case KPIs for any period and filter, per dimension,
 * the evaluation, alarm figures, the big screen's data and live feed, the CSV export, and
 * the read model's rebuild.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@PreAuthorize(Access.DESK)
@Tag(name = "dashboard", description = "KPIs, evaluation, the big screen, exports")
class DashboardApiController {

	private final CaseKpis kpis;

	private final AlarmKpis alarms;

	private final Evaluation evaluation;

	private final Screen screen;

	private final LiveFeed feed;

	private final ReadModels readModels;

	private final CaseExport exports;

	private final MonthlyReport reports;

	private final ReportArchive archive;

	private final Clock clock;

	private final ZoneId zone;

	DashboardApiController(CaseKpis kpis, AlarmKpis alarms, Evaluation evaluation, Screen screen, LiveFeed feed,
			ReadModels readModels, CaseExport exports, MonthlyReport reports, ReportArchive archive, Clock clock,
			@Value("${cityops.worktime.zone:Asia/Shanghai}") ZoneId zone) {
		this.kpis = kpis;
		this.alarms = alarms;
		this.evaluation = evaluation;
		this.screen = screen;
		this.feed = feed;
		this.readModels = readModels;
		this.exports = exports;
		this.reports = reports;
		this.archive = archive;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping("/kpis")
	@PreAuthorize(Access.STAFF)
	@Operation(summary = "Case KPIs of the cases reported in a period (month=YYYY-MM, or from/to as dates or "
			+ "instants; default this month), optionally of one area, block, unit, department, category, channel; "
			+ "of the caller's reach (the town for the town-wide desks)")
	Map<String, Object> kpis(@ParameterObject Selection selection, Actor actor) {
		KpiFilter filter = filter(selection).within(actor.reach());
		CaseCounts counts = this.kpis.counts(filter);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("filter", filter);
		out.put("counts", counts);
		out.put("standard", counts.standard());
		out.put("rates", counts.rates());
		out.put("alarms", this.alarms.of(filter.from(), filter.to(), filter.reach()));
		return out;
	}

	@GetMapping("/kpis/by/{dimension}")
	@PreAuthorize(Access.STAFF)
	@Operation(summary = "Case KPIs per department, area, block, unit, category, channel, reporter or verifier, "
			+ "of the caller's reach")
	List<Map<String, Object>> kpisBy(@PathVariable String dimension, @ParameterObject Selection selection,
			Actor actor) {
		KpiFilter filter = filter(selection).within(actor.reach());
		String column = switch (dimension) {
			case "channel", "reporter" -> dimension;
			case "verifier" -> "verified_by";
			default -> dimension + "_code";
		};
		return this.kpis.countsBy(column, filter)
			.entrySet()
			.stream()
			.map((e) -> Map.<String, Object>of("key", e.getKey(), "counts", e.getValue(), "rates",
					e.getValue().rates()))
			.toList();
	}

	@GetMapping("/evaluation/{subject}")
	@Operation(summary = "Composite scores and grades (A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E) of departments, "
			+ "areas or inspectors for a period")
	List<Evaluation.Score> evaluation(@PathVariable String subject, @RequestParam(required = false) String month,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication authentication) {
		KpiFilter filter = period(month, from, to);
		return switch (subject) {
			case "departments" -> this.evaluation.departments(filter);
			case "areas" -> this.evaluation.areas(filter);
			case "inspectors" -> this.evaluation.inspectors(filter);
			default -> throw DashboardProblem.invalid("Evaluate departments, areas or inspectors");
		};
	}

	@GetMapping("/screen")
	@Operation(summary = "Everything the big screen shows, read together")
	Map<String, Object> screen(Authentication authentication) {
		return this.screen.data();
	}

	@GetMapping(path = "/stream", produces = "text/event-stream")
	@Operation(summary = "Server-sent events: each new case ('case') and alarm ('alarm') as it reaches the read model")
	SseEmitter stream(Authentication authentication) {
		return this.feed.connect();
	}

	@GetMapping(path = "/cases.csv", produces = "text/csv")
	@PreAuthorize(Access.STAFF)
	@Operation(summary = "The cases of a period and filter as CSV (UTF-8 with BOM), from the read model, of the "
			+ "caller's reach")
	void casesCsv(@ParameterObject Selection selection, Actor actor, HttpServletResponse response) throws IOException {
		KpiFilter filter = filter(selection).within(actor.reach());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"cases.csv\"");
		this.exports.write(filter, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
	}

	@GetMapping("/reports")
	@Operation(summary = "The kept monthly reports, newest first (made on the 1st for the month before, or on "
			+ "request)")
	List<ReportArchive.Kept> keptReports(Authentication authentication) {
		return this.archive.list();
	}

	@PostMapping("/reports/{month}")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "ADMIN or OPERATOR: make an ended month's report again and keep it instead of the one "
			+ "before")
	ReportArchive.Kept regenerateReport(@PathVariable String month, Authentication authentication) {
		return this.archive.regenerate(this.reports.parse(month), authentication.getName());
	}

	@GetMapping("/reports/{month}.xlsx")
	@Operation(summary = "The monthly report of month YYYY-MM as an xlsx workbook with charts: the kept one if "
			+ "there is one (header X-Report-Generated-At), else generated now")
	ResponseEntity<byte[]> reportXlsx(@PathVariable String month, Authentication authentication) {
		return report(month, "xlsx", XLSX, authentication);
	}

	@GetMapping("/reports/{month}.pdf")
	@Operation(summary = "The monthly report of month YYYY-MM as a PDF with charts: the kept one if there is one "
			+ "(header X-Report-Generated-At), else generated now")
	ResponseEntity<byte[]> reportPdf(@PathVariable String month, Authentication authentication) {
		return report(month, "pdf", MediaType.APPLICATION_PDF, authentication);
	}

	private ResponseEntity<byte[]> report(String month, String format, MediaType type, Authentication authentication) {
		YearMonth m = this.reports.parse(month);
		String file = "cityops-" + m + "." + format;
		return this.archive.file(m, format)
			.map((kept) -> download(file, type, kept.body(), kept.generatedAt()))
			.orElseGet(() -> download(file, type, "pdf".equals(format) ? this.reports.pdf(m) : this.reports.xlsx(m),
					this.clock.instant()));
	}

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** A file to save, with its type set here: a 400 before it can still be JSON. */
	private static ResponseEntity<byte[]> download(String file, MediaType type, byte[] body, Instant generatedAt) {
		return ResponseEntity.ok()
			.contentType(type)
			.header("X-Report-Generated-At", generatedAt.toString())
			.header("Content-Disposition", "attachment; filename=\"" + file + "\"")
			.body(body);
	}

	@PostMapping("/rebuild")
	@Operation(summary = "ADMIN: rebuild the case read model from the case history (one transaction)")
	@PreAuthorize(Access.ADMIN)
	ReadModels.Rebuilt rebuild() {
		return this.readModels.rebuildCases();
	}

	/**
	 * Which cases, as given in the query: a period ({@code month}, or {@code from} and
	 * {@code to}) and optionally one area, block, unit, department, category or channel.
	 */
	record Selection(String month, String from, String to, String area, String block, String unit, String department,
			String category, String channel) {
	}

	private KpiFilter filter(Selection s) {
		Instant[] period = Period.of(s.month(), s.from(), s.to(), this.zone, this.clock.instant());
		return new KpiFilter(period[0], period[1], s.area(), s.block(), s.unit(), s.department(), s.category(),
				s.channel());
	}

	private KpiFilter period(String month, String from, String to) {
		return filter(new Selection(month, from, to, null, null, null, null, null, null));
	}

}
