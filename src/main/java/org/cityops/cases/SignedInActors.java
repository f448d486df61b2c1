package org.cityops.cases;

import java.util.List;

import org.cityops.cases.Actor;
import org.cityops.cases.CaseManagement;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives any controller of any module the signed-in staff member as an {@link Actor}
 * parameter ({@link CaseManagement#signedIn}): the role, scope and reach of the account.
 * A machine client (API key) or an anonymous caller is null.
 */
@Configuration(proxyBeanMethods = false)
class SignedInActors implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	private final CaseManagement cases;

	SignedInActors(CaseManagement cases) {
		this.cases = cases;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Actor.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binders) {
		return this.cases.signedIn();
	}

}
