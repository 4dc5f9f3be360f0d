package io.rectify.system.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of /api requests raised before a controller was chosen (no such path, a method or media
 * type no endpoint takes) never reach {@link ApiProblems}, whose advice applies to this
 * application's controllers only; Spring would answer them with its plain error JSON. They are
 * answered here as the same problem details. Everything else is left to the usual resolvers.
 */
@Component
class ApiProblemsBeforeHandler implements HandlerExceptionResolver, Ordered {

    private final ApiProblems problems;
    private final ObjectMapper json;

    ApiProblemsBeforeHandler(ApiProblems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (handler instanceof HandlerMethod method && method.getBeanType().getPackageName().startsWith("io.rectify")
                || !request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        ResponseEntity<Object> answer;
        try {
            answer = problems.handleException(e, new ServletWebRequest(request, response));
        } catch (Exception notAnMvcException) {
            return null;
        }
        if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
            return null;
        }
        try {
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException io) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
