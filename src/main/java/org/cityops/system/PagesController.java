package org.cityops.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and the start page that leads to each part of the platform.
 */
@Controller
class PagesController {

	@GetMapping("/login")
	String login() {
		return "system/login";
	}

	@GetMapping("/")
	String home() {
		return "system/home";
	}

}
