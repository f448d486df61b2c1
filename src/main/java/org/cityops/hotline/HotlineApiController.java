package org.cityops.hotline;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.cityops.cases.Actor;
import org.cityops.hotline.CallerData;
import org.cityops.hotline.HotlineDesk;
import org.cityops.hotline.HotlineFilter;
import org.cityops.hotline.HotlineImports;
import org.cityops.hotline.HotlineKpis;
import org.cityops.hotline.HotlineQueries;
import org.cityops.hotline.HotlineView;
import org.cityops.hotline.NewOrder;
import org.cityops.hotline.OrderIntake;
import org.cityops.hotline.OrderStatus;
import org.cityops.hotline.OrderType;
import org.cityops.shared.BoundedBody;

import org.cityops.shared.Access;
import org.cityops.shared.Texts;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 12345 hotline orders over HTTP. The hotline centre's system (API key with scope
 * {@code hotline}) sends orders and callbacks and fetches the export; staff work the
 * orders. Callers are masked in every answer except {@code /caller}, which is logged.
 */
@RestController
@RequestMapping("/api/v1/hotline")
@Tag(name = "hotline", description = "12345 hotline work orders: intake, first contact, conclusion, callback, return")
class HotlineApiController {

	static final long MAX_UPLOAD = 10L * 1024 * 1024;

	private final OrderIntake intake;

	private final HotlineDesk desk;

	private final HotlineQueries queries;

	private final CallerData callers;

	private final HotlineWeb web;

	HotlineApiController(OrderIntake intake, HotlineDesk desk, HotlineQueries queries, CallerData callers,
			HotlineWeb web) {
		this.intake = intake;
		this.desk = desk;
		this.queries = queries;
		this.callers = callers;
		this.web = web;
	}

	@PostMapping("/orders")
	@PreAuthorize(Access.CENTRE_OR_HOTLINE_KEY)
	@Operation(summary = "Send an order (the hotline centre's system, or an operator); a known number updates it")
	ResponseEntity<OrderIntake.Received> receive(@RequestBody NewOrder order, Actor actor,
			Authentication authentication) {
		OrderIntake.Received received = this.intake.receive(order, (actor == null) ? "API" : "MANUAL",
				authentication.getName());
		return (received.outcome() == OrderIntake.Outcome.CREATED)
				? ResponseEntity.created(URI.create("/api/v1/hotline/orders/" + received.id())).body(received)
				: ResponseEntity.ok(received);
	}

	@GetMapping("/orders")
	@PreAuthorize(Access.STAFF_OR_HOTLINE_KEY)
	@Operation(summary = "The queue: orders by filter, the most pressing deadline first (callers masked)")
	HotlineQueries.Page list(@RequestParam(required = false) OrderStatus status,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) OrderType type,
			@RequestParam(required = false) String department, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Actor actor) {
		return this.queries.list(
				new HotlineFilter(status, open, type, Texts.orNull(department), Texts.orNull(q), overdue), actor, page,
				size);
	}

	@GetMapping("/orders/{id}")
	@PreAuthorize(Access.STAFF_OR_HOTLINE_KEY)
	@Operation(summary = "One order with its conversation log and callbacks (caller masked)")
	HotlineView view(@PathVariable long id, Actor actor) {
		return this.queries.view(id, actor);
	}

	@GetMapping("/orders/by-number/{number}")
	@PreAuthorize(Access.STAFF_OR_HOTLINE_KEY)
	@Operation(summary = "One order by the hotline centre's number")
	HotlineView byNumber(@PathVariable String number, Actor actor) {
		return this.queries.view(this.queries.idOf(number), actor);
	}

	@GetMapping("/orders/{id}/caller")
	@PreAuthorize(Access.STAFF)
	@Operation(summary = "The caller's name and phone in full (operator; the handling department unless "
			+ "confidential); every call is logged")
	CallerData.Caller caller(@PathVariable long id, Actor actor) {
		return this.callers.reveal(id, actor, "API");
	}

	@GetMapping("/orders/{id}/caller-views")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Who saw the caller in full, and when (operator, administrator)")
	List<Map<String, Object>> callerViews(@PathVariable long id, Actor actor) {
		return this.callers.views(id, actor);
	}

	record Contact(String method, String said, Instant at) {
	}

	record Text(String text, String reason, String department, Boolean approve) {
	}

	@PostMapping("/orders/{id}/confirm")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Operator: confirm category (and place) — the order becomes a case with a department")
	HotlineView confirm(@PathVariable long id, @RequestBody HotlineDesk.Confirmation body, Actor actor) {
		this.desk.confirm(id, body, actor);
		return this.queries.view(id, actor);
	}

	@PostMapping("/orders/{id}/contact")
	@PreAuthorize(Access.WORKING_STAFF)
	@Operation(summary = "Record a contact with the caller (PHONE, SMS, VISIT, UNREACHABLE); the first is 先行联系")
	HotlineView contact(@PathVariable long id, @RequestBody Contact body, Actor actor) {
		this.desk.contact(id, body.method(), body.said(), body.at(), actor);
		return this.queries.view(id, actor);
	}

	@PostMapping("/orders/{id}/conclude")
	@PreAuthorize(Access.WORKING_STAFF)
	@Operation(summary = "Department: conclude with the reply to the caller (办结)")
	HotlineView conclude(@PathVariable long id, @RequestBody Text body, Actor actor) {
		this.desk.conclude(id, body.text(), actor);
		return this.queries.view(id, actor);
	}

	@PostMapping("/orders/{id}/request-return")
	@PreAuthorize(Access.WORKING_STAFF)
	@Operation(summary = "Department: ask to return the order to the hotline centre (退单) with a standard reason")
	HotlineView requestReturn(@PathVariable long id, @RequestBody Text body, Actor actor) {
		this.desk.requestReturn(id, body.reason(), body.text(), actor);
		return this.queries.view(id, actor);
	}

	@PostMapping("/orders/{id}/decide-return")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Operator: approve the return, or refuse it and dispatch again (\"approve\": false)")
	HotlineView decideReturn(@PathVariable long id, @RequestBody Text body, Actor actor) {
		this.desk.decideReturn(id, required(body.approve()), body.text(), Texts.orNull(body.department()), actor);
		return this.queries.view(id, actor);
	}

	@PostMapping("/orders/{id}/callback")
	@PreAuthorize(Access.CENTRE_OR_HOTLINE_KEY)
	@Operation(summary = "Record the callback (回访); any 不满意 opens re-handling (重办)")
	HotlineView callback(@PathVariable long id, @RequestBody HotlineDesk.Callback body, Actor actor) {
		this.desk.callback(id, body, actor);
		return this.queries.view(id, actor);
	}

	@PostMapping("/orders/by-number/{number}/callback")
	@PreAuthorize(Access.CENTRE_OR_HOTLINE_KEY)
	@Operation(summary = "The hotline centre reports its callback by order number")
	HotlineView callbackByNumber(@PathVariable String number, @RequestBody HotlineDesk.Callback body, Actor actor) {
		return callback(this.queries.idOf(number), body, actor);
	}

	@PostMapping("/orders/{id}/request-complex")
	@PreAuthorize(Access.WORKING_STAFF)
	@Operation(summary = "Department: ask for the complex-order time limit (15 working days)")
	HotlineView requestComplex(@PathVariable long id, @RequestBody Text body, Actor actor) {
		this.desk.requestComplex(id, body.text(), actor);
		return this.queries.view(id, actor);
	}

	@PostMapping("/orders/{id}/decide-complex")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Operator: approve or deny the complex-order time limit")
	HotlineView decideComplex(@PathVariable long id, @RequestBody Text body, Actor actor) {
		this.desk.decideComplex(id, required(body.approve()), body.text(), actor);
		return this.queries.view(id, actor);
	}

	@PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Operator: check a spreadsheet (.xlsx or CSV) row by row; nothing is imported yet")
	ResponseEntity<HotlineImports.ImportReport> check(@RequestParam("file") MultipartFile file, Actor actor)
			throws java.io.IOException {
		if (file.getSize() > MAX_UPLOAD) {
			throw HotlineWeb.tooLarge();
		}
		return this.web.checked(file.getBytes(), file.getOriginalFilename(), actor);
	}

	@PostMapping(value = "/imports",
			consumes = { "application/octet-stream", "text/csv",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Operator: check a spreadsheet sent as the request body (?filename=)")
	ResponseEntity<HotlineImports.ImportReport> checkBody(@RequestParam(defaultValue = "upload") String filename,
			HttpServletRequest request, Actor actor) {
		byte[] body = BoundedBody.read(request, MAX_UPLOAD);
		if (body == null) {
			throw HotlineWeb.tooLarge();
		}
		return this.web.checked(body, filename, actor);
	}

	@GetMapping("/imports/{id}")
	@PreAuthorize(Access.CENTRE)
	HotlineImports.ImportReport importReport(@PathVariable long id) {
		return this.web.importReport(id);
	}

	@PostMapping("/imports/{id}/apply")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Operator: import the valid rows, all in one transaction")
	HotlineImports.Applied apply(@PathVariable long id, Actor actor) {
		return this.web.apply(id, actor);
	}

	@PostMapping("/imports/{id}/discard")
	@PreAuthorize(Access.CENTRE)
	@Operation(summary = "Operator: drop a checked import")
	ResponseEntity<Void> discard(@PathVariable long id, Actor actor) {
		this.web.discard(id, actor);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/export")
	@PreAuthorize(Access.DESK_OR_HOTLINE_KEY)
	@Operation(summary = "Orders concluded or returned in a period, in the centre's fields: format json, csv or xlsx")
	ResponseEntity<?> export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "json") String format) {
		return this.web.export(this.web.period(from, to), format);
	}

	@GetMapping("/kpis")
	@PreAuthorize(Access.DESK)
	@Operation(summary = "First-contact, on-time conclusion, resolution, satisfaction, return and re-handling rates "
			+ "for orders received in a period (default: this month), for the town and per department")
	HotlineKpis.Report kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return this.web.kpis(this.web.period(from, to));
	}

	@GetMapping("/import-template.xlsx")
	@Operation(summary = "The spreadsheet template for imports")
	ResponseEntity<byte[]> template() {
		return HotlineWeb.download(this.web.template(), "12345工单导入模板.xlsx", HotlineWeb.XLSX);
	}

	private static boolean required(Boolean approve) {
		if (approve == null) {
			throw new IllegalArgumentException("Say \"approve\": true or false");
		}
		return approve;
	}

}
