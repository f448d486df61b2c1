package org.cityops.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;

import org.cityops.cases.Actor;
import org.cityops.cases.Channel;
import org.cityops.dashboard.CaseCounts;
import org.cityops.dashboard.CaseKpis;
import org.cityops.dashboard.DashboardProblem;
import org.cityops.dashboard.Evaluation;
import org.cityops.dashboard.KpiFilter;
import org.cityops.dashboard.MonthlyReport;
import org.cityops.dashboard.Names;
import org.cityops.dashboard.Period;
import org.cityops.dashboard.ReportArchive;

import org.cityops.shared.Access;
import org.cityops.shared.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The view of the figures ({@code /dashboard}): the KPIs of any period, area, department
 * or channel and the CSV export with the same filter, each of the reader's own reach; for
 * the town-wide desks also the evaluation of departments and areas and the monthly
 * reports — kept ones, this month's so far, and making an ended month's again.
 */
@Controller
@RequestMapping("/dashboard")
@PreAuthorize(Access.STAFF)
class DashboardPagesController {

	/** The roles that see the town's evaluation and reports besides their own figures. */
	private static final Set<Role> TOWN_WIDE = EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.LEADER);

	private final CaseKpis kpis;

	private final Evaluation evaluation;

	private final ReportArchive archive;

	private final MonthlyReport reports;

	private final Names names;

	private final Clock clock;

	private final ZoneId zone;

	DashboardPagesController(CaseKpis kpis, Evaluation evaluation, ReportArchive archive, MonthlyReport reports,
			Names names, Clock clock, @Value("${cityops.worktime.zone:Asia/Shanghai}") ZoneId zone) {
		this.kpis = kpis;
		this.evaluation = evaluation;
		this.archive = archive;
		this.reports = reports;
		this.names = names;
		this.clock = clock;
		this.zone = zone;
	}

	/** What the form sends; empty fields are no filter. */
	record Form(String month, String from, String to, String area, String department, String channel) {

		String query() {
			StringBuilder q = new StringBuilder();
			append(q, "month", this.month);
			append(q, "from", this.from);
			append(q, "to", this.to);
			append(q, "area", this.area);
			append(q, "department", this.department);
			append(q, "channel", this.channel);
			return q.toString();
		}

		private static void append(StringBuilder q, String name, String value) {
			if (value != null && !value.isBlank()) {
				q.append(q.isEmpty() ? "" : "&")
					.append(name)
					.append('=')
					.append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}

	}

	@GetMapping
	String page(Form form, Actor actor, Model model) {
		Instant now = this.clock.instant();
		Form shown = form;
		KpiFilter filter;
		try {
			filter = filter(form, now);
		}
		catch (DashboardProblem ex) {
			model.addAttribute("error", ex.getMessage());
			shown = new Form(null, null, null, form.area(), form.department(), form.channel());
			filter = filter(shown, now);
		}
		CaseCounts counts = this.kpis.counts(filter.within(actor.reach()));
		boolean town = TOWN_WIDE.contains(actor.role());
		model.addAttribute("form", shown);
		model.addAttribute("firstDay", LocalDate.ofInstant(filter.from(), this.zone));
		model.addAttribute("lastDay", LocalDate.ofInstant(filter.to().minusSeconds(1), this.zone));
		model.addAttribute("counts", counts);
		model.addAttribute("rates", counts.rates());
		model.addAttribute("town", town);
		if (town) {
			KpiFilter period = KpiFilter.period(filter.from(), filter.to());
			model.addAttribute("departmentScores", this.evaluation.departments(period));
			model.addAttribute("areaScores", this.evaluation.areas(period));
			model.addAttribute("kept", this.archive.list());
		}
		model.addAttribute("areas", this.names.areas());
		model.addAttribute("departments", new TreeMap<>(this.names.departments()));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("query", shown.query());
		model.addAttribute("thisMonth", YearMonth.from(LocalDate.ofInstant(now, this.zone)));
		model.addAttribute("maker", actor.role() == Role.ADMIN || actor.role() == Role.OPERATOR);
		return "dashboard/kpis";
	}

	@PostMapping("/reports/{month}")
	@PreAuthorize(Access.CENTRE)
	String regenerate(@PathVariable String month, Authentication authentication, RedirectAttributes redirect) {
		try {
			ReportArchive.Kept kept = this.archive.regenerate(this.reports.parse(month), authentication.getName());
			redirect.addFlashAttribute("made", kept.month().toString());
		}
		catch (DashboardProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/dashboard#reports";
	}

	private KpiFilter filter(Form f, Instant now) {
		Instant[] p = Period.of(f.month(), f.from(), f.to(), this.zone, now);
		return new KpiFilter(p[0], p[1], f.area(), null, null, f.department(), null, f.channel());
	}

}
