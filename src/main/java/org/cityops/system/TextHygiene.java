package org.cityops.system;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Text that reaches the platform holds no control characters (NUL and the other C0 and C1
 * characters; tab, line feed and carriage return are text): PostgreSQL cannot store a NUL
 * and no person means one. Refused with a 422 naming the field, in every JSON body read
 * by Spring and in every query and form parameter, before any module sees it.
 */
@Configuration(proxyBeanMethods = false)
class TextHygiene {

	/**
	 * Marks the refusal inside Jackson's exception, so that the API can name the field.
	 */
	static final String CONTROL_CHARACTER = "control-character";

	static boolean hasControlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}

	@Bean
	Jackson2ObjectMapperBuilderCustomizer refuseControlCharactersInJson() {
		SimpleModule module = new SimpleModule("cityops-text-hygiene");
		module.addDeserializer(String.class, new CleanStrings());
		return (builder) -> builder.modulesToInstall(module);
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> refuseControlCharactersInParameters(ObjectMapper json,
			MessageSource messages, LocaleResolver locales) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
					boolean bad = hasControlCharacter(p.getKey());
					for (String value : p.getValue()) {
						bad |= hasControlCharacter(value);
					}
					if (bad) {
						Locale locale = locales.resolveLocale(request);
						ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
								messages.getMessage("problem.control-character", new Object[] { p.getKey() }, locale));
						problem.setProperty("field", p.getKey());
						ProblemResponses.write(json, request, response, HttpStatus.UNPROCESSABLE_ENTITY, problem);
						return;
					}
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Jackson's own string reading, then the check. */
	static final class CleanStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String value = super.deserialize(parser, context);
			if (value != null && hasControlCharacter(value)) {
				throw new InvalidFormatException(parser, CONTROL_CHARACTER, value, String.class);
			}
			return value;
		}

	}

}
