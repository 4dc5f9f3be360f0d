package io.rectify.system.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the pages: Simplified Chinese unless the browser prefers English; {@code ?lang=en}
 * or {@code ?lang=zh-CN} on any page switches it and a cookie remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
class WebPagesConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final String LANG_PARAM = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("RECTIFY_LANG");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        // only two languages: a browser asking for anything else than English reads Chinese
        resolver.setDefaultLocaleFunction(request ->
                request.getHeader("Accept-Language") == null ? CHINESE : supported(request.getLocale()));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String localeValue) {
                return supported(super.parseLocaleValue(localeValue));
            }
        };
        change.setParamName(LANG_PARAM);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }
}
