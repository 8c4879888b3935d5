package dev.billops.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference host. Run it with
 * {@code mvn -B -q -DskipTests -pl examples/spring-host -am package exec:java}: it listens on port 8080
 * with an embedded H2 database in {@code billops-data/spring-host} (or the {@code spring.datasource.*}
 * the environment gives), Swagger UI at {@code /swagger-ui.html}.
 */
@SpringBootApplication
@EnableConfigurationProperties(HostProperties.class)
public class SpringHostApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringHostApplication.class, args);
    }
}
