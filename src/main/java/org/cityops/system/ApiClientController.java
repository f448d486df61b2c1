package org.cityops.system;

import java.util.List;

import org.cityops.system.ApiClients;

import org.cityops.shared.Access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators give machine clients (the hotline centre's system, gateways) their API
 * keys and revoke them.
 */
@RestController
@RequestMapping("/api/v1/system/api-clients")
@PreAuthorize(Access.ADMIN)
class ApiClientController {

	private final ApiClients clients;

	ApiClientController(ApiClients clients) {
		this.clients = clients;
	}

	/**
	 * A new client: its name, its scopes, and for a sensors key the devices it posts for.
	 */
	record NewClient(String name, List<String> scopes, List<String> devices) {
	}

	@GetMapping
	List<ApiClients.Client> list() {
		return this.clients.list();
	}

	/** Makes a client; the answer holds its key, which is shown this once only. */
	@PostMapping
	ResponseEntity<ApiClients.Created> create(@RequestBody NewClient body, Authentication authentication) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.clients.create(body.name(), body.scopes(), body.devices(), authentication.getName()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		return this.clients.revoke(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

}
