package org.cityops.sensors;

import org.cityops.cases.Actor;
import org.cityops.sensors.Alarms;
import org.cityops.sensors.SensorQueries;

import org.cityops.shared.Access;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sensor pages: the live map of every device by status, the alarm list with the
 * operator's actions, and one device with a chart of its last day.
 */
@Controller
@RequestMapping("/sensors")
class SensorPagesController {

	private final Alarms alarms;

	private final SensorQueries queries;

	SensorPagesController(Alarms alarms, SensorQueries queries) {
		this.alarms = alarms;
		this.queries = queries;
	}

	@GetMapping
	String map() {
		return "sensors/map";
	}

	@GetMapping("/alarms")
	String alarms(@RequestParam(defaultValue = "OPEN") String state, Actor reader, Model model) {
		model.addAttribute("state", state);
		model.addAttribute("alarms", this.alarms.list(state.equals("ALL") ? null : state, null, 300, reader.reach()));
		return "sensors/alarms";
	}

	@PostMapping("/alarms/{id}/{action}")
	@PreAuthorize(Access.CENTRE)
	String act(@PathVariable long id, @PathVariable String action, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			switch (action) {
				case "acknowledge" -> this.alarms.acknowledge(id, authentication.getName());
				case "true" -> this.alarms.confirm(id, true, authentication.getName());
				case "false" -> this.alarms.confirm(id, false, authentication.getName());
				case "clear" -> this.alarms.clear(id, authentication.getName());
				default -> throw new IllegalStateException("Unknown action " + action);
			}
			redirect.addFlashAttribute("message", "sensors.done." + action);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/sensors/alarms";
	}

	@GetMapping("/devices/{id}")
	String device(@PathVariable String id, Actor reader, Model model) {
		model.addAttribute("d", this.queries.device(id, reader.reach()));
		model.addAttribute("alarms", this.alarms.list(null, id, 50, reader.reach()));
		return "sensors/device";
	}

}
