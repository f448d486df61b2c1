package org.cityops.dashboard;

import org.cityops.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The big screen of the operations centre (1920×1080, dark), for the town-wide desks. */
@Controller
@PreAuthorize(Access.DESK)
class ScreenController {

	@GetMapping("/screen")
	String screen() {
		return "dashboard/screen";
	}

}
