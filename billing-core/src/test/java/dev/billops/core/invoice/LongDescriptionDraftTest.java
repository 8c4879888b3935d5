package dev.billops.core.invoice;

import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.DEV;
import static dev.billops.core.timeentry.TimeBillingFixture.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ProjectId;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateScope;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.timeentry.TimeBillingFixture;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * A generated line description joins the project, timekeeper, activity, date and entry texts, each
 * valid on its own; together they can pass the 4,000 characters a line description may have. The
 * draft must still be made, with the description cut, not refused.
 */
class LongDescriptionDraftTest {

    @Test
    void draftPerEntry_longestProjectNameAndEntryText_descriptionCutToTheLimit() {
        TimeBillingFixture f = new TimeBillingFixture();
        ProjectId big = ProjectId.of("big");
        f.firm.projects().create(Project.of(big, ACME, "P".repeat(1000)));
        f.firm.rates().create(TimeBillingFixture.rule("big-rate", RateScope.project(big), "100"));
        String text = "x".repeat(3998) + "\uD83D\uDE00";
        f.firm.timeEntries().log(entry(ALICE, big, DEV, "2026-11-02", "09:00", "10:00").withDescription(text));

        Invoice draft = f.firm.invoices().draft(ACME, LocalDateRange.ofMonth(YearMonth.of(2026, 11)),
                DraftOptions.defaults().withGrouping(GroupingPolicy.perEntry())).orElseThrow();

        String description = draft.lines().get(0).description();
        assertEquals(InvoiceLine.MAX_DESCRIPTION, description.length());
        assertTrue(description.startsWith("P".repeat(1000)), "the line still names the project");
        assertTrue(description.endsWith("\u2026"), "a cut description says so");
    }
}
