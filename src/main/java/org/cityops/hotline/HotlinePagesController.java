package org.cityops.hotline;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.cityops.cases.Actor;
import org.cityops.cases.CaseProblem;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.Category;
import org.cityops.hotline.CallerData;
import org.cityops.hotline.HotlineDesk;
import org.cityops.hotline.HotlineFilter;
import org.cityops.hotline.HotlineImports;
import org.cityops.hotline.HotlineProblem;
import org.cityops.hotline.HotlineQueries;
import org.cityops.hotline.HotlineView;
import org.cityops.hotline.OrderStatus;
import org.cityops.hotline.OrderType;
import org.cityops.hotline.ReturnReason;
import org.cityops.organization.Organization;
import org.cityops.shared.Role;

import org.cityops.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hotline pages: the queue with working-time countdowns, one order with its caller
 * (masked; shown in full on request, logged), its conversation log and the actions the
 * viewer may take, the spreadsheet import with its per-row report, and the figures.
 */
@Controller
@RequestMapping("/hotline")
@PreAuthorize(Access.STAFF)
class HotlinePagesController {

	private final HotlineQueries queries;

	private final HotlineDesk desk;

	private final CallerData callers;

	private final HotlineImports imports;

	private final HotlineWeb web;

	private final Catalog catalog;

	private final Organization organization;

	HotlinePagesController(HotlineQueries queries, HotlineDesk desk, CallerData callers, HotlineImports imports,
			HotlineWeb web, Catalog catalog, Organization organization) {
		this.queries = queries;
		this.desk = desk;
		this.callers = callers;
		this.imports = imports;
		this.web = web;
		this.catalog = catalog;
		this.organization = organization;
	}

	/** The queue's filter as the form sends it. */
	record QueueFilter(String status, String type, String q, Boolean open, Boolean overdue, Integer page) {

		HotlineFilter toFilter() {
			// the form offers only known values: one edited into the address is no filter
			return new HotlineFilter(known(OrderStatus.class, this.status), this.open == null || this.open,
					known(OrderType.class, this.type), null, blank(this.q) ? null : this.q.trim(),
					Boolean.TRUE.equals(this.overdue));
		}

		private static <E extends Enum<E>> E known(Class<E> type, String name) {
			return java.util.Arrays.stream(type.getEnumConstants())
				.filter((e) -> e.name().equals(name))
				.findFirst()
				.orElse(null);
		}

		int pageNumber() {
			return (this.page != null) ? Math.max(0, this.page) : 0;
		}

	}

	@GetMapping
	String queue(QueueFilter filter, Actor actor, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("types", OrderType.values());
		model.addAttribute("departmentNames", departmentNames());
		model.addAttribute("page", page(filter, actor));
		return "hotline/queue";
	}

	@GetMapping("/table")
	String table(QueueFilter filter, Actor actor, Model model) {
		model.addAttribute("departmentNames", departmentNames());
		model.addAttribute("page", page(filter, actor));
		return "hotline/queue :: table";
	}

	private HotlineQueries.Page page(QueueFilter filter, Actor actor) {
		return this.queries.list(filter.toFilter(), actor, filter.pageNumber(), 50);
	}

	@GetMapping("/{id}")
	String order(@PathVariable long id, Actor actor, Model model) {
		HotlineView order = this.queries.view(id, actor);
		model.addAttribute("o", order);
		model.addAttribute("departments", this.organization.departments());
		model.addAttribute("departmentNames", departmentNames());
		model.addAttribute("categories", categories(order));
		model.addAttribute("reasons", ReturnReason.values());
		if (actor.role() == Role.OPERATOR || actor.role() == Role.ADMIN) {
			model.addAttribute("views", this.callers.views(id, actor));
		}
		return "hotline/order";
	}

	@GetMapping("/{id}/caller")
	String caller(@PathVariable long id, Actor actor, Model model) {
		try {
			model.addAttribute("caller", this.callers.reveal(id, actor, "PAGE"));
		}
		catch (HotlineProblem ex) {
			if (ex.kind() == HotlineProblem.Kind.FORBIDDEN || ex.kind() == HotlineProblem.Kind.NOT_FOUND) {
				throw ex;
			}
			model.addAttribute("error", ex.getMessage());
		}
		return "hotline/order :: caller";
	}

	@PostMapping("/{id}/{action}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> form, Actor actor,
			RedirectAttributes redirect) {
		try {
			perform(id, action, form).accept(actor);
			redirect.addFlashAttribute("message", "hotline.done." + action);
		}
		catch (HotlineProblem ex) {
			if (ex.kind() == HotlineProblem.Kind.FORBIDDEN || ex.kind() == HotlineProblem.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (CaseProblem | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/hotline/" + id;
	}

	private Consumer<Actor> perform(long id, String action, Map<String, String> form) {
		return switch (action) {
			case "confirm" -> (a) -> this.desk.confirm(id, new HotlineDesk.Confirmation(form.get("categoryCode"),
					number(form.get("lon")), number(form.get("lat")), text(form.get("department"))), a);
			case "contact" -> (a) -> this.desk.contact(id, form.get("method"), form.get("said"), null, a);
			case "conclude" -> (a) -> this.desk.conclude(id, form.get("text"), a);
			case "request-return" -> (a) -> this.desk.requestReturn(id, form.get("reason"), form.get("text"), a);
			case "decide-return" -> (a) -> this.desk.decideReturn(id, "true".equals(form.get("approve")),
					form.get("text"), text(form.get("department")), a);
			case "callback" -> (a) -> this.desk.callback(id, new HotlineDesk.Callback(form.get("efficiency"),
					form.get("attitude"), form.get("result"), "true".equals(form.get("solved")), form.get("text")), a);
			case "request-complex" -> (a) -> this.desk.requestComplex(id, form.get("text"), a);
			case "decide-complex" ->
				(a) -> this.desk.decideComplex(id, "true".equals(form.get("approve")), form.get("text"), a);
			default -> throw new IllegalArgumentException("Unknown action '" + action + "'");
		};
	}

	@GetMapping("/import")
	@PreAuthorize(Access.CENTRE)
	String importForm() {
		return "hotline/import";
	}

	@PostMapping("/import")
	@PreAuthorize(Access.CENTRE)
	String upload(@RequestParam("file") MultipartFile file, Actor actor, Model model) throws IOException {
		try {
			if (file.getSize() > HotlineApiController.MAX_UPLOAD) {
				throw HotlineWeb.tooLarge();
			}
			long id = this.web.checked(file.getBytes(), file.getOriginalFilename(), actor).getBody().id();
			return "redirect:/hotline/import/" + id;
		}
		catch (HotlineProblem ex) {
			model.addAttribute("error", ex.getMessage());
			return "hotline/import";
		}
		catch (ErrorResponseException ex) {
			model.addAttribute("error", ex.getBody().getDetail());
			return "hotline/import";
		}
	}

	@GetMapping("/import/{id}")
	@PreAuthorize(Access.CENTRE)
	String importReport(@PathVariable long id, Model model) {
		model.addAttribute("report", this.web.importReport(id));
		return "hotline/import-report";
	}

	@PostMapping("/import/{id}/{decision}")
	@PreAuthorize(Access.CENTRE)
	String decide(@PathVariable long id, @PathVariable String decision, Actor actor, RedirectAttributes redirect) {
		try {
			if (decision.equals("apply")) {
				HotlineImports.Applied applied = this.web.apply(id, actor);
				redirect.addFlashAttribute("applied", applied);
			}
			else {
				this.web.discard(id, actor);
				redirect.addFlashAttribute("message", "hotline.import.discarded");
			}
		}
		catch (HotlineProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/hotline/import/" + id;
	}

	@GetMapping("/kpis")
	@PreAuthorize(Access.DESK)
	String kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		HotlineWeb.Period period;
		try {
			period = this.web.period(from, to);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			period = this.web.period(null, null);
		}
		model.addAttribute("period", period);
		model.addAttribute("report", this.web.kpis(period));
		model.addAttribute("departmentNames", departmentNames());
		return "hotline/kpis";
	}

	/**
	 * The order's suggestions first, then every active category (matters before
	 * components).
	 */
	private Map<String, String> categories(HotlineView order) {
		Map<String, String> options = new LinkedHashMap<>();
		order.suggestions().forEach((s) -> options.put((String) s.get("code"), s.get("name") + " ★"));
		for (String kind : List.of("MATTER", "COMPONENT")) {
			this.catalog.categories(kind, null)
				.stream()
				.filter(Category::active)
				.forEach((c) -> options.putIfAbsent(c.code(), c.name()));
		}
		return options;
	}

	private Map<String, String> departmentNames() {
		Map<String, String> names = new LinkedHashMap<>();
		this.organization.departments().forEach((d) -> names.put(d.code(), d.name()));
		return names;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String text(String value) {
		return blank(value) ? null : value.trim();
	}

	private static Double number(String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Double.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + value + "' is not a coordinate");
		}
	}

}
