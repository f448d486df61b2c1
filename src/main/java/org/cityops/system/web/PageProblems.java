package org.cityops.system.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests to a page that are not shaped as its form sends them (an upload that is not a
 * multipart form) get the error page with what to do, in the reader's language, instead
 * of a server error. Last in order: the REST controllers' own mapping (ApiProblems)
 * answers theirs first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private final MessageSource messages;

	PageProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView notMultipart(MultipartException ex) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", HttpStatus.BAD_REQUEST.value());
		page.addObject("message",
				this.messages.getMessage("problem.not-multipart", null, LocaleContextHolder.getLocale()));
		return page;
	}

}
