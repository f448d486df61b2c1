package org.cityops.grid;

import org.cityops.grid.Grid;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

import org.cityops.grid.GridLayers;
import org.cityops.grid.UnitOverlap;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The map page and the unit panel it loads with htmx when a unit is clicked.
 */
@Controller
@RequestMapping("/grid")
class GridPageController {

	private final Grid grid;

	private final GridLayers layers;

	private final MapSettings settings;

	GridPageController(Grid grid, GridLayers layers, MapSettings settings) {
		this.grid = grid;
		this.layers = layers;
		this.settings = settings;
	}

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
		.findAndRegisterModules();

	@GetMapping
	String map(Model model) {
		model.addAttribute("layers", this.layers.layers());
		try {
			model.addAttribute("layersJson", JSON.writeValueAsString(this.layers.layers()));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		model.addAttribute("tileUrl", this.settings.tileUrl());
		model.addAttribute("tileAttribution", this.settings.tileAttribution());
		return "grid/map";
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(org.cityops.grid.GridNotFound.class)
	org.springframework.web.servlet.ModelAndView notFound(org.cityops.grid.GridNotFound ex) {
		org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView("error",
				org.springframework.http.HttpStatus.NOT_FOUND);
		page.addObject("status", 404);
		page.addObject("message", ex.getMessage());
		return page;
	}

	@GetMapping("/units/{code}/panel")
	String unitPanel(@PathVariable String code, Model model) {
		model.addAttribute("unit", this.grid.unit(code));
		model.addAttribute("overlapsByLayer",
				this.layers.overlapsOf(code)
					.stream()
					.collect(Collectors.groupingBy(UnitOverlap::layer, LinkedHashMap::new, Collectors.toList())));
		model.addAttribute("layers", this.layers.layers());
		try {
			model.addAttribute("layersJson", JSON.writeValueAsString(this.layers.layers()));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		return "grid/unit-panel :: panel";
	}

}
