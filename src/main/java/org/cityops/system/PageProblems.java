package org.cityops.system;

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
 * The pages' one mapping of refusals: a module's refusal the page did not handle itself,
 * or a request not shaped as the page's form sends it (an upload that is not a multipart
 * form), gets the error page with its status and what to do instead of a server error.
 * Last in order: the REST controllers' own mapping (ApiProblems) answers theirs first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private final MessageSource messages;

	PageProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A module's refusal that the page did not turn into a message of its own: the error
	 * page with its status and what to change.
	 */
	@ExceptionHandler(org.cityops.shared.Problem.class)
	ModelAndView problem(org.cityops.shared.Problem ex) {
		HttpStatus status = HttpStatus.valueOf(ex.httpStatus());
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("message", ex.getMessage());
		return page;
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
