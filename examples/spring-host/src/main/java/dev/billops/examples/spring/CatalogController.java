package dev.billops.examples.spring;

import static dev.billops.examples.spring.Requests.required;

import dev.billops.core.TenantBilling;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.examples.spring.Requests.ClientBody;
import dev.billops.examples.spring.Requests.ProjectBody;
import dev.billops.examples.spring.Requests.RateRuleBody;
import dev.billops.examples.spring.Requests.TenantBody;
import dev.billops.examples.spring.Requests.TimekeeperBody;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's profile, clients, projects, timekeepers and rate rules. */
@RestController
public class CatalogController {

    private final Callers callers;

    public CatalogController(Callers callers) {
        this.callers = callers;
    }

    @GetMapping("/api/tenant")
    public Tenant tenant() {
        return callers.billing().profile().get();
    }

    @PutMapping("/api/tenant")
    public Tenant saveTenant(@RequestBody TenantBody body) {
        TenantBilling t = callers.billing();
        BigDecimal vat = body.defaultVatRate() != null ? body.defaultVatRate() : BigDecimal.ZERO;
        TenantId id = t.profile().find().map(Tenant::id).orElseGet(() -> callers.tenantId());
        Tenant tenant = Tenant.of(id, required(body.name(), "name"), required(body.address(), "address").toAddress())
                .withVatId(body.vatId()).withEmail(body.email()).withDefaultVatRate(vat);
        if (body.iban() != null) {
            tenant = tenant.withBankAccount(body.iban(), body.bic());
        }
        return t.profile().save(tenant);
    }

    @GetMapping("/api/clients")
    public List<Client> clients() {
        return callers.billing().clients().list();
    }

    @PostMapping("/api/clients")
    @ResponseStatus(HttpStatus.CREATED)
    public Client createClient(@RequestBody ClientBody body) {
        Client c = Client.of(ClientId.generate(), required(body.name(), "name"),
                required(body.address(), "address").toAddress(), Currencies.of(required(body.currency(), "currency")));
        if (body.paymentTermsDays() != null) {
            c = c.withTerms(body.paymentTermsDays());
        }
        if (body.email() != null) {
            c = c.withEmail(body.email());
        }
        return callers.billing().clients().create(c);
    }

    @GetMapping("/api/clients/{id}")
    public Client client(@PathVariable String id) {
        return callers.billing().clients().get(ClientId.of(id));
    }

    @GetMapping("/api/projects")
    public List<Project> projects(@RequestParam(required = false) @Nullable String clientId) {
        TenantBilling t = callers.billing();
        return clientId == null ? t.projects().list() : t.projects().listByClient(ClientId.of(clientId));
    }

    @PostMapping("/api/projects")
    @ResponseStatus(HttpStatus.CREATED)
    public Project createProject(@RequestBody ProjectBody body) {
        return callers.billing().projects().create(Project.of(ProjectId.generate(),
                ClientId.of(required(body.clientId(), "clientId")), required(body.name(), "name")));
    }

    @GetMapping("/api/projects/{id}")
    public Project project(@PathVariable String id) {
        return callers.billing().projects().get(ProjectId.of(id));
    }

    @GetMapping("/api/timekeepers")
    public List<Timekeeper> timekeepers() {
        return callers.billing().timekeepers().list();
    }

    @PostMapping("/api/timekeepers")
    @ResponseStatus(HttpStatus.CREATED)
    public Timekeeper createTimekeeper(@RequestBody TimekeeperBody body) {
        return callers.billing().timekeepers().create(Timekeeper.of(TimekeeperId.generate(),
                required(body.name(), "name")));
    }

    @GetMapping("/api/rate-rules")
    public List<RateRule> rateRules() {
        return callers.billing().rates().list();
    }

    @PostMapping("/api/rate-rules")
    @ResponseStatus(HttpStatus.CREATED)
    public RateRule createRateRule(@RequestBody RateRuleBody body) {
        RateScope scope = new RateScope(body.clientId() == null ? null : ClientId.of(body.clientId()),
                body.projectId() == null ? null : ProjectId.of(body.projectId()),
                body.timekeeperId() == null ? null : TimekeeperId.of(body.timekeeperId()),
                body.activityId() == null ? null : ActivityId.of(body.activityId()));
        UnitPrice price = UnitPrice.of(Currencies.of(required(body.currency(), "currency")),
                required(body.amount(), "amount"));
        return callers.billing().rates().create(new RateRule(RateRuleId.generate(), scope, price,
                unit(required(body.unit(), "unit")), required(body.from(), "from"), body.to()));
    }

    private static RateUnit unit(String text) {
        try {
            return RateUnit.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new dev.billops.core.error.InvalidInputException("unit '" + (text.length() > 20
                    ? text.substring(0, 20) + "..." : text) + "' is not one of HOUR, DAY, MONTH, FIXED");
        }
    }
}
