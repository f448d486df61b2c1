package org.cityops.cases;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cityops.cases.Action;
import org.cityops.cases.Actor;
import org.cityops.cases.CaseCommand;
import org.cityops.cases.CaseFilter;
import org.cityops.cases.CaseManagement;
import org.cityops.cases.CasePhotos;
import org.cityops.cases.CaseView;
import org.cityops.cases.NewCase;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over HTTP: report, walk through the workflow, read and list.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "cases", description = "Cases (案件): report → register → dispatch → handle → verify → close")
class CaseApiController {

	private final CaseManagement cases;

	private final CasePhotos photos;

	CaseApiController(CaseManagement cases, CasePhotos photos) {
		this.cases = cases;
		this.photos = photos;
	}

	@PostMapping(value = "/{id}/photos",
			consumes = { "image/jpeg", "image/png", "image/webp", "application/octet-stream" })
	@Operation(summary = "Attach a photo (JPEG, PNG or WebP, checked by content; location metadata is removed)")
	ResponseEntity<CasePhotos.Photo> addPhoto(@PathVariable long id, @RequestParam String stage,
			jakarta.servlet.http.HttpServletRequest request, Authentication authentication) {
		byte[] body = org.cityops.shared.BoundedBody.read(request, this.photos.maxBytes());
		if (body == null) {
			throw new IllegalArgumentException("The photo is larger than " + this.photos.maxBytes() + " bytes");
		}
		return created(id, this.photos.add(id, stage, body, actor(authentication)));
	}

	private static ResponseEntity<CasePhotos.Photo> created(long id, CasePhotos.Photo photo) {
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/photos/" + photo.id())).body(photo);
	}

	@PostMapping(value = "/{id}/photos", consumes = "multipart/form-data")
	@Operation(summary = "Attach a photo uploaded as a form field named file")
	ResponseEntity<CasePhotos.Photo> addPhotoForm(@PathVariable long id, @RequestParam String stage,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file, Authentication authentication)
			throws java.io.IOException {
		return created(id, this.photos.add(id, stage, file.getBytes(), actor(authentication)));
	}

	@GetMapping("/{id}/photos")
	@Operation(summary = "The photos of a case")
	java.util.List<CasePhotos.Photo> photos(@PathVariable long id, Authentication authentication) {
		return this.photos.list(id, actor(authentication));
	}

	@GetMapping("/{id}/photos/{photoId}")
	@Operation(summary = "One photo's picture, without metadata")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Authentication authentication) {
		return this.photos.content(id, photoId, actor(authentication))
			.map((c) -> ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType.parseMediaType(c.contentType()))
				.body(c.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@PostMapping
	@Operation(summary = "Report a case; 201 with the located, routed case and its deadlines",
			description = "An Idempotency-Key header makes a retried POST answer the first case instead of a second.")
	ResponseEntity<CaseView> report(@RequestBody NewCase body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			Authentication authentication) {
		if (Boolean.TRUE.equals(body.simpleProcedure())) {
			throw new IllegalArgumentException("The simple procedure needs a photo before and after: send "
					+ "multipart/form-data with a part 'case' (this JSON) and parts 'before' and 'after'");
		}
		return answer(this.cases.report(body, actor(authentication), idempotencyKey));
	}

	@PostMapping(consumes = "multipart/form-data")
	@Operation(summary = "Report a case with photos: part 'case' (the JSON), parts 'before' and 'after' (pictures)",
			description = "All or nothing: a bad photo refuses the whole report. The simple procedure needs both.")
	ResponseEntity<CaseView> reportWithPhotos(@RequestPart("case") NewCase body,
			@RequestPart(name = "before",
					required = false) java.util.List<org.springframework.web.multipart.MultipartFile> before,
			@RequestPart(name = "after",
					required = false) java.util.List<org.springframework.web.multipart.MultipartFile> after,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			Authentication authentication) throws java.io.IOException {
		return answer(this.cases.report(body, actor(authentication), idempotencyKey, bytes(before), bytes(after)));
	}

	static java.util.List<byte[]> bytes(java.util.List<org.springframework.web.multipart.MultipartFile> files)
			throws java.io.IOException {
		java.util.List<byte[]> out = new java.util.ArrayList<>();
		if (files != null) {
			for (org.springframework.web.multipart.MultipartFile file : files) {
				if (!file.isEmpty()) {
					out.add(file.getBytes());
				}
			}
		}
		return out;
	}

	private static ResponseEntity<CaseView> answer(CaseManagement.Reported reported) {
		if (!reported.created()) {
			return ResponseEntity.ok(reported.view());
		}
		return ResponseEntity.created(URI.create("/api/v1/cases/" + reported.view().id())).body(reported.view());
	}

	@PostMapping("/{id}/{action}")
	@Operation(
			summary = "Do an action: register, reject, dispatch, accept, return, handle, verify, close, postpone, "
					+ "suspend, resume, cancel, supervise, escalate, merge",
			description = "409 names the actions allowed now; 403 when your role or scope may not.")
	CaseView act(@PathVariable long id, @PathVariable String action, @RequestBody(required = false) CaseCommand body,
			Authentication authentication) {
		return this.cases.act(id, Action.parse(action), body, actor(authentication));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One case with its history")
	CaseView get(@PathVariable long id, Authentication authentication) {
		return this.cases.view(id, actor(authentication));
	}

	@GetMapping
	@Operation(summary = "Cases, newest first, with filters and paging")
	CaseManagement.CasePage list(@RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) Boolean supervised, @RequestParam(required = false) String category,
			@RequestParam(required = false) String area, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String department,
			@Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Authentication authentication) {
		return this.cases.list(new CaseFilter(upper(status), overdue, open, supervised, category, area, unit,
				upper(channel), department), page, size, actor(authentication));
	}

	/** The signed-in staff member (every endpoint here is for staff only). */
	private Actor actor(Authentication authentication) {
		return java.util.Objects.requireNonNull(this.cases.signedIn(), "a staff member is signed in");
	}

	private static String upper(String value) {
		return (value == null) ? null : value.trim().toUpperCase(java.util.Locale.ROOT);
	}

}
