package dev.billops.examples.spring;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every endpoint takes a bearer token. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI billOpsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("BillOps reference API").version("0.1.0")
                        .description("Clients, projects, rates, time, invoices, payments, receivables and package "
                                + "runs on the BillOps library. Roles: ADMIN, ACCOUNTANT, VIEWER, CLIENT.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
