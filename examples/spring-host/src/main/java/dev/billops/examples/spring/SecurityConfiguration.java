package dev.billops.examples.spring;

import static dev.billops.examples.spring.Roles.ACCOUNTANT;
import static dev.billops.examples.spring.Roles.ADMIN;
import static dev.billops.examples.spring.Roles.CLIENT;
import static dev.billops.examples.spring.Roles.VIEWER;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer tokens checked with the local HMAC key; the {@code roles} claim becomes Spring roles. Who may
 * call what is decided here, by method and path; which client a CLIENT sees is decided in {@link Callers}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(HostProperties properties) {
        return NimbusJwtDecoder.withSecretKey(Tokens.key(properties.jwtSecret())).macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/invoices", "/api/invoices/*", "/api/invoices/*/pdf",
                                "/api/payments", "/api/payments/*").hasAnyRole(ADMIN, ACCOUNTANT, VIEWER, CLIENT)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ADMIN, ACCOUNTANT, VIEWER)
                        .requestMatchers(HttpMethod.PUT, "/api/tenant").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/package-runs").hasRole(ADMIN)
                        .requestMatchers("/api/**").hasAnyRole(ADMIN, ACCOUNTANT)
                        .anyRequest().hasRole(ADMIN))
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));
        return http.build();
    }
}
