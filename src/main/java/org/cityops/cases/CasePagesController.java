package org.cityops.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cityops.cases.Action;
import org.cityops.cases.Actor;
import org.cityops.cases.CaseCommand;
import org.cityops.cases.CaseFilter;
import org.cityops.cases.CaseManagement;
import org.cityops.cases.CasePhotos;
import org.cityops.cases.CaseProblem;
import org.cityops.cases.CaseView;
import org.cityops.cases.Channel;
import org.cityops.cases.NewCase;
import org.cityops.cases.Status;
import org.cityops.catalog.Catalog;
import org.cityops.catalog.Category;
import org.cityops.organization.Department;
import org.cityops.organization.Organization;
import org.cityops.shared.Role;

import org.cityops.shared.Access;
import org.cityops.shared.Texts;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the operations centre's console, one case with its timeline and the
 * actions allowed now, the report form (made for a phone), and each role's task list.
 */
@Controller
@RequestMapping("/cases")
class CasePagesController {

	private final CaseManagement cases;

	private final CasePhotos photos;

	private final Catalog catalog;

	private final Organization organization;

	CasePagesController(CaseManagement cases, CasePhotos photos, Catalog catalog, Organization organization) {
		this.cases = cases;
		this.photos = photos;
		this.catalog = catalog;
		this.organization = organization;
	}

	@GetMapping
	String console(CaseFilterForm filter, Authentication authentication, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", Status.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("departments", this.organization.departments());
		model.addAttribute("page",
				this.cases.list(filter.toFilter(), Math.max(0, filter.page()), 50, actor(authentication)));
		return "cases/console";
	}

	@GetMapping("/table")
	String table(CaseFilterForm filter, Authentication authentication, Model model) {
		model.addAttribute("page",
				this.cases.list(filter.toFilter(), Math.max(0, filter.page()), 50, actor(authentication)));
		return "cases/console :: table";
	}

	@GetMapping("/tasks")
	String tasks(Authentication authentication, Model model) {
		Actor actor = actor(authentication);
		List<CaseView> tasks = new ArrayList<>();
		String department = CasePolicy.waitsInItsDepartment(actor.role()) && actor.scope() != null
				? actor.scope().departmentCode() : null;
		String area = (actor.role() == Role.INSPECTOR) ? area(actor) : null;
		for (Status status : CasePolicy.waitingFor(actor.role())) {
			tasks.addAll(
					this.cases
						.list(new CaseFilter(status.name(), null, null, null, null, area, null, null, department), 0,
								200, actor)
						.items());
		}
		tasks.sort(Comparator.comparing((CaseView c) -> c.deadlines().stageDeadline(),
				Comparator.nullsLast(Comparator.naturalOrder())));
		model.addAttribute("tasks", tasks);
		model.addAttribute("role", actor.role());
		return "cases/tasks";
	}

	@GetMapping("/new")
	@PreAuthorize(Access.WORKING_STAFF)
	String reportForm(Authentication authentication, Model model) {
		model.addAttribute("categories", matters());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("inspector", actor(authentication).role() == Role.INSPECTOR);
		return "cases/new";
	}

	@PostMapping("/new")
	@PreAuthorize(Access.WORKING_STAFF)
	String report(@RequestParam String categoryCode, @RequestParam String description,
			@RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) String address, @RequestParam(defaultValue = "INSPECTOR") String channel,
			@RequestParam(defaultValue = "false") boolean simpleProcedure,
			@RequestParam(required = false) List<MultipartFile> before,
			@RequestParam(required = false) List<MultipartFile> after, Authentication authentication,
			RedirectAttributes redirect, Model model) throws IOException {
		Actor actor = actor(authentication);
		try {
			NewCase input = new NewCase(channel, categoryCode, description, lon, lat, null,
					(address != null && !address.isBlank()) ? address : null, simpleProcedure);
			long id = this.cases
				.report(input, actor, null, CaseApiController.bytes(before), CaseApiController.bytes(after))
				.view()
				.id();
			redirect.addFlashAttribute("message", "case.reported");
			return "redirect:/cases/" + id;
		}
		catch (CaseProblem | IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("categories", matters());
			model.addAttribute("channels", Channel.values());
			model.addAttribute("inspector", actor.role() == Role.INSPECTOR);
			return "cases/new";
		}
	}

	@GetMapping("/{id}")
	String page(@PathVariable long id, Authentication authentication, Model model) {
		Actor actor = actor(authentication);
		CaseView c = this.cases.view(id, actor);
		model.addAttribute("c", c);
		model.addAttribute("photos", this.photos.list(id, actor));
		model.addAttribute("actions", CasePolicy.actionsNow(c, actor));
		model.addAttribute("departments", this.organization.departments().stream().filter(Department::active).toList());
		model.addAttribute("departmentNames", departmentNames());
		return "cases/case";
	}

	@PostMapping("/{id}/act/{action}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) String note,
			@RequestParam(required = false) String department, @RequestParam(required = false) Boolean passed,
			@RequestParam(required = false) Integer workingDays, @RequestParam(required = false) String decision,
			@RequestParam(required = false) Long into, Authentication authentication, RedirectAttributes redirect) {
		try {
			this.cases.act(id, Action.parse(action), new CaseCommand(Texts.orNull(note), Texts.orNull(department),
					passed, workingDays, Texts.orNull(decision), into), actor(authentication));
			redirect.addFlashAttribute("message", "case.done");
		}
		catch (CaseProblem ex) {
			if (ex.kind() == CaseProblem.Kind.NOT_FOUND || ex.kind() == CaseProblem.Kind.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/cases/" + id;
	}

	private Map<String, String> departmentNames() {
		Map<String, String> names = new LinkedHashMap<>();
		this.organization.departments().forEach((d) -> names.put(d.code(), d.name()));
		return names;
	}

	private List<Category> matters() {
		return this.catalog.categories("MATTER", null).stream().filter(Category::active).toList();
	}

	private static String area(Actor actor) {
		return (actor.scope() != null && "AREA".equals(actor.scope().kind()) && !actor.scope().places().isEmpty())
				? actor.scope().places().get(0) : null;
	}

	/** The signed-in staff member (every endpoint here is for staff only). */
	private Actor actor(Authentication authentication) {
		return java.util.Objects.requireNonNull(this.cases.signedIn(), "a staff member is signed in");
	}

	/** The console's filter form. */
	record CaseFilterForm(String status, Boolean overdue, Boolean open, String category, String area, String channel,
			String department, Integer pageNumber) {

		CaseFilter toFilter() {
			return new CaseFilter(Texts.orNull(this.status), Boolean.TRUE.equals(this.overdue) ? true : null,
					Boolean.TRUE.equals(this.open) ? true : null, null, Texts.orNull(this.category),
					Texts.orNull(this.area), null, Texts.orNull(this.channel), Texts.orNull(this.department));
		}

		int page() {
			return (this.pageNumber != null) ? this.pageNumber : 0;
		}

	}

}
