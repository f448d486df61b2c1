package org.cityops.system;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cityops.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sign-in audit for administrators: failures, throttled attempts, form sign-ins. */
@RestController
@RequestMapping("/api/v1/system/sign-ins")
@Tag(name = "system", description = "Accounts, machine clients and the sign-in audit")
@PreAuthorize(Access.ADMIN)
class SignInAuditController {

	private final SignIns signIns;

	SignInAuditController(SignIns signIns) {
		this.signIns = signIns;
	}

	@GetMapping
	@Operation(summary = "ADMIN: the newest sign-ins (OK by form), failures and throttled attempts, of one account "
			+ "or all")
	List<SignIns.SignIn> latest(@RequestParam(required = false) String username,
			@RequestParam(defaultValue = "200") int limit) {
		return this.signIns.latest(username, Math.min(Math.max(limit, 1), 1000));
	}

}
