package org.cityops.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The big screen of the operations centre (1920×1080, dark), for any signed-in staff. */
@Controller
class ScreenController {

	@GetMapping("/screen")
	String screen() {
		return "dashboard/screen";
	}

}
