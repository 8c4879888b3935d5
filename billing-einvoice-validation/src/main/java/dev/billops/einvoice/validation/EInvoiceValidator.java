package dev.billops.einvoice.validation;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.level.EErrorLevel;
import com.helger.diagnostics.error.level.IErrorLevel;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.phive.xrechnung.XRechnungValidation;
import dev.billops.einvoice.EInvoiceNotReadableException;
import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Validates e-invoices offline against the official rule sets of their profile: EN 16931 (CEN
 * artefacts 1.3.16, UBL and CII; also for Factur-X EN 16931), XRechnung 3.0.2 (which includes the
 * EN 16931 rules) and Peppol BIS Billing 3.0 (release 2026-05), each with its XML schema.
 *
 * <pre>{@code
 * EInvoiceValidator validator = EInvoiceValidator.create();   // loads the rule sets: share it
 * ValidationReport report = validator.validate(xml);
 * report.errors().forEach(System.out::println);             // ERROR BR-CO-16 at /Invoice/...: ...
 * }</pre>
 *
 * <p>The document is parsed by {@link EInvoiceReader}'s hardened parser first, so a DTD, an
 * entity, an oversized or overly deep document is refused with its typed exception before any
 * rule set sees it. Creating a validator compiles the rule sets lazily on first use (seconds);
 * afterwards it is thread-safe.
 */
public final class EInvoiceValidator {

    private final ValidationExecutorSetRegistry<IValidationSourceXML> registry;
    private final EInvoiceReader parser;

    private EInvoiceValidator(EInvoiceReader parser) {
        this.parser = parser;
        this.registry = new ValidationExecutorSetRegistry<>();
        EN16931Validation.initEN16931(registry);
        XRechnungValidation.initXRechnung(registry);
        PeppolValidation2026_05.init(registry);
    }

    /** A validator whose parser has {@link EInvoiceReader#standard()}'s limits. */
    public static EInvoiceValidator create() {
        return new EInvoiceValidator(EInvoiceReader.standard());
    }

    /** A validator whose parser has the given reader's limits. */
    public static EInvoiceValidator create(EInvoiceReader parser) {
        return new EInvoiceValidator(Objects.requireNonNull(parser, "parser"));
    }

    /**
     * Validates a document against the rule set its specification identifier (BT-24) names:
     * XRechnung, Peppol BIS 3.0, or else EN 16931.
     *
     * @throws EInvoiceNotReadableException if it is not well-formed, not UBL or CII, or refused
     *     by the hardened parser
     */
    public ValidationReport validate(byte[] xml) {
        return validate(new ByteArrayInputStream(Objects.requireNonNull(xml, "xml")), null);
    }

    /** Validates a document against the rule set of {@code profile}; see {@link #validate(byte[])}. */
    public ValidationReport validate(byte[] xml, EInvoiceProfile profile) {
        return validate(new ByteArrayInputStream(Objects.requireNonNull(xml, "xml")),
                Objects.requireNonNull(profile, "profile"));
    }

    /**
     * Validates the document read from {@code in} (left open) against {@code profile}'s rule set,
     * or the one its BT-24 names when {@code profile} is null.
     */
    public ValidationReport validate(InputStream in, @Nullable EInvoiceProfile profile) {
        Document doc = parser.parse(in);
        Element root = doc.getDocumentElement();
        String kind = kind(root);
        EInvoiceProfile p = profile != null ? profile : detect(root, kind);
        DVRCoordinate id = ruleSet(p, kind);
        IValidationExecutorSet<IValidationSourceXML> set = registry.getOfID(id);
        if (set == null) {
            throw new IllegalStateException("rule set " + id.getAsSingleID() + " is not on the class path");
        }
        ValidationSourceXML source = ValidationSourceXML.create("document", (Node) doc);
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), set, source, Locale.ROOT);
        List<Finding> findings = new ArrayList<>();
        results.forEachFlattened(e -> findings.add(finding(e)));
        return new ValidationReport(id.getAsSingleID(), findings);
    }

    private static Finding finding(IError e) {
        IErrorLevel level = e.getErrorLevel();
        Severity severity;
        int numeric = level.getNumericLevel();
        if (numeric >= EErrorLevel.FATAL_ERROR.getNumericLevel()) {
            severity = Severity.FATAL;
        } else if (numeric >= EErrorLevel.ERROR.getNumericLevel()) {
            severity = Severity.ERROR;
        } else if (numeric >= EErrorLevel.WARN.getNumericLevel()) {
            severity = Severity.WARNING;
        } else {
            severity = Severity.INFO;
        }
        String ruleId = e.getErrorID() != null ? e.getErrorID() : "XSD";
        String location = e.getErrorFieldName() != null ? e.getErrorFieldName()
                : e.hasErrorLocation() ? e.getErrorLocation().getAsString() : "";
        String text = e.getErrorText(Locale.ROOT);
        if (text == null) {
            text = e.getAsStringLocaleIndepdent();
        }
        return new Finding(ruleId, severity, location, text.strip());
    }

    private static String kind(Element root) {
        String ns = String.valueOf(root.getNamespaceURI());
        String local = String.valueOf(root.getLocalName());
        if (ns.equals("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2") && local.equals("Invoice")) {
            return "ubl-invoice";
        }
        if (ns.equals("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2") && local.equals("CreditNote")) {
            return "ubl-creditnote";
        }
        if (ns.equals("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100")
                && local.equals("CrossIndustryInvoice")) {
            return "cii";
        }
        throw new EInvoiceNotReadableException("not a UBL 2.1 Invoice or CreditNote nor a CII D16B invoice: root "
                + "element {" + ns + "}" + local);
    }

    private static EInvoiceProfile detect(Element root, String kind) {
        String spec = specification(root);
        boolean cii = kind.equals("cii");
        if (spec.contains("xrechnung")) {
            return cii ? EInvoiceProfile.XRECHNUNG_CII : EInvoiceProfile.XRECHNUNG_UBL;
        }
        if (spec.contains("peppol.eu:2017:poacc:billing:3.0") && !cii) {
            return EInvoiceProfile.PEPPOL_BIS;
        }
        return cii ? EInvoiceProfile.EN16931_CII : EInvoiceProfile.EN16931_UBL;
    }

    /** The text of BT-24: UBL {@code cbc:CustomizationID}, CII guideline parameter {@code ram:ID}. */
    private static String specification(Element root) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if ("CustomizationID".equals(e.getLocalName())) {
                    return e.getTextContent().strip();
                }
                if ("ExchangedDocumentContext".equals(e.getLocalName())) {
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element ce && "GuidelineSpecifiedDocumentContextParameter"
                                .equals(ce.getLocalName())) {
                            return ce.getTextContent().strip();
                        }
                    }
                }
            }
        }
        return "";
    }

    private static DVRCoordinate ruleSet(EInvoiceProfile profile, String kind) {
        boolean cii = kind.equals("cii");
        boolean credit = kind.equals("ubl-creditnote");
        if (cii != (profile.syntax() == dev.billops.einvoice.Syntax.CII)) {
            throw new EInvoiceNotReadableException("a " + (cii ? "CII" : "UBL") + " document cannot be validated as "
                    + profile.title());
        }
        return switch (profile) {
            case XRECHNUNG_UBL -> credit ? XRechnungValidation.VID_XRECHNUNG_UBL_CREDITNOTE_302
                    : XRechnungValidation.VID_XRECHNUNG_UBL_INVOICE_302;
            case XRECHNUNG_CII -> XRechnungValidation.VID_XRECHNUNG_CII_302;
            case PEPPOL_BIS -> credit ? PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3
                    : PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3;
            case EN16931_UBL -> credit ? EN16931Validation.VID_UBL_CREDIT_NOTE_1316
                    : EN16931Validation.VID_UBL_INVOICE_1316;
            case EN16931_CII, FACTURX_EN16931 -> EN16931Validation.VID_CII_1316;
        };
    }
}
