package dev.billops.einvoice.facturx;

import dev.billops.einvoice.EInvoiceProfile;
import dev.billops.einvoice.EInvoiceWriter;
import dev.billops.einvoice.MissingBusinessTermsException;
import dev.billops.einvoice.model.EInvoice;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.jspecify.annotations.Nullable;

/**
 * Turns an invoice PDF (e.g. billing-pdf's rendering) into a Factur-X 1.0 / ZUGFeRD 2 hybrid
 * invoice of profile EN 16931: a PDF/A-3b with the CII XML embedded as {@code factur-x.xml}
 * (relationship {@code Alternative}, listed in the catalog's {@code /AF}), an sRGB output intent,
 * and XMP metadata that declares PDF/A-3B and the Factur-X extension schema.
 *
 * <pre>{@code
 * byte[] pdf = InvoicePdfRenderer.create().render(InvoiceDocument.of(tenant, client, invoice));
 * byte[] hybrid = FacturX.create(pdf, EInvoiceMapper.map(tenant, client, invoice));
 * }</pre>
 *
 * <p>Post-processing uses Apache PDFBox rather than billing-pdf's OpenPDF: OpenPDF 2 writes PDF/X
 * but has no PDF/A-3 support (no associated files, no /AF, no PDF/A identification). The input's
 * fonts must be embedded (billing-pdf's are) and the output keeps the input's dates, so the same
 * input gives the same bytes. Stateless and thread-safe.
 */
public final class FacturX {

    /** The name of the embedded XML that Factur-X 1.0 prescribes. */
    public static final String FILE_NAME = "factur-x.xml";
    /** The Factur-X XMP extension namespace. */
    public static final String NS_FX = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

    private FacturX() {
    }

    /**
     * The Factur-X PDF of {@code invoice}, with {@code pdf} as its visual part.
     *
     * @throws MissingBusinessTermsException if the invoice lacks what Factur-X EN 16931 requires
     * @throws FacturXFailedException if {@code pdf} cannot be read or is encrypted
     */
    public static byte[] create(byte[] pdf, EInvoice invoice) {
        Objects.requireNonNull(invoice, "invoice");
        byte[] xml = EInvoiceWriter.write(invoice, EInvoiceProfile.FACTURX_EN16931);
        return embed(pdf, xml);
    }

    /**
     * Embeds an already written Factur-X EN 16931 CII document into {@code pdf}.
     *
     * @throws FacturXFailedException if {@code pdf} cannot be read or is encrypted
     */
    public static byte[] embed(byte[] pdf, byte[] ciiXml) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(ciiXml, "ciiXml");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                throw new FacturXFailedException("the PDF is encrypted; PDF/A forbids encryption");
            }
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDDocumentInformation info = doc.getDocumentInformation();
            Calendar created = info.getCreationDate() != null ? info.getCreationDate() : epoch();
            Calendar modified = info.getModificationDate() != null ? info.getModificationDate() : created;
            info.setCreationDate(created);
            info.setModificationDate(modified);
            info.setProducer("BillOps with Apache PDFBox");
            if (info.getCreator() == null) {
                info.setCreator("BillOps");
            }
            doc.getDocument().setVersion(Math.max(1.7f, doc.getVersion()));
            dropCidSets(doc);

            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(ciiXml));
            file.setSubtype("text/xml");
            file.setSize(ciiXml.length);
            file.setCreationDate(created);
            file.setModDate(modified);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(FILE_NAME);
            spec.setFileUnicode(FILE_NAME);
            spec.setFileDescription("Factur-X invoice (EN 16931)");
            spec.setEmbeddedFile(file);
            spec.setEmbeddedFileUnicode(file);
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Alternative");
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(FILE_NAME, spec));
            PDDocumentNameDictionary names = catalog.getNames() != null ? catalog.getNames()
                    : new PDDocumentNameDictionary(catalog);
            names.setEmbeddedFiles(tree);
            catalog.setNames(names);
            COSArray af = new COSArray();
            af.add(spec.getCOSObject());
            catalog.getCOSObject().setItem(COSName.getPDFName("AF"), af);

            if (catalog.getOutputIntents().isEmpty()) {
                PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb()));
                intent.setInfo("sRGB IEC61966-2.1");
                intent.setOutputCondition("sRGB IEC61966-2.1");
                intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
                intent.setRegistryName("http://www.color.org");
                catalog.addOutputIntent(intent);
            }

            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp(info, created, modified).getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + ciiXml.length + 8192);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new FacturXFailedException("the PDF cannot be read or written: " + e.getMessage(), e);
        }
    }

    /**
     * The embedded {@code factur-x.xml} (or {@code zugferd-invoice.xml}) of a hybrid PDF.
     *
     * @throws FacturXFailedException if the PDF cannot be read or embeds no invoice XML
     */
    public static byte[] extractXml(byte[] facturXPdf) {
        try (PDDocument doc = Loader.loadPDF(Objects.requireNonNull(facturXPdf, "facturXPdf"))) {
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> files = tree == null ? null : tree.getNames();
            if (files != null) {
                for (String name : new String[] {FILE_NAME, "zugferd-invoice.xml", "xrechnung.xml"}) {
                    PDComplexFileSpecification spec = files.get(name);
                    if (spec != null && spec.getEmbeddedFile() != null) {
                        try (InputStream in = spec.getEmbeddedFile().createInputStream()) {
                            return in.readAllBytes();
                        }
                    }
                }
            }
            throw new FacturXFailedException("the PDF embeds no " + FILE_NAME);
        } catch (IOException e) {
            throw new FacturXFailedException("the PDF cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Removes the optional {@code /CIDSet} of embedded CID fonts: OpenPDF lists only the glyphs it
     * used, while PDF/A-2 and -3 (6.2.11.4.2) require a CIDSet, when present, to list every glyph of
     * the subset.
     */
    private static void dropCidSets(PDDocument doc) {
        for (COSObject o : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
            if (o.getObject() instanceof COSDictionary descriptor) {
                descriptor.removeItem(COSName.CID_SET);
            }
        }
    }

    private static byte[] srgb() {
        return ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    }

    private static Calendar epoch() {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(0);
        return c;
    }

    private static String date(Calendar c) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.toInstant().atOffset(ZoneOffset.UTC));
    }

    /** XMP with PDF/A identification, the info dictionary's values and the Factur-X extension schema. */
    private static String xmp(PDDocumentInformation info, Calendar created, Calendar modified) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
        x.append("<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        x.append("<dc:format>application/pdf</dc:format>\n");
        if (info.getTitle() != null) {
            x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(info.getTitle()))
                    .append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        if (info.getAuthor() != null) {
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(esc(info.getAuthor())).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        if (info.getSubject() != null) {
            x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(info.getSubject()))
                    .append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        x.append("</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        x.append("<xmp:CreateDate>").append(date(created)).append("</xmp:CreateDate>\n");
        x.append("<xmp:ModifyDate>").append(date(modified)).append("</xmp:ModifyDate>\n");
        x.append("<xmp:MetadataDate>").append(date(modified)).append("</xmp:MetadataDate>\n");
        appendIf(x, "xmp:CreatorTool", info.getCreator());
        x.append("</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
        appendIf(x, "pdf:Producer", info.getProducer());
        appendIf(x, "pdf:Keywords", info.getKeywords());
        x.append("</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:fx=\"").append(NS_FX).append("\">\n");
        x.append("<fx:DocumentType>INVOICE</fx:DocumentType>\n<fx:DocumentFileName>").append(FILE_NAME)
                .append("</fx:DocumentFileName>\n<fx:Version>1.0</fx:Version>\n")
                .append("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>\n</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
        x.append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n");
        x.append("<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\n");
        x.append("<pdfaSchema:namespaceURI>").append(NS_FX).append("</pdfaSchema:namespaceURI>\n");
        x.append("<pdfaSchema:prefix>fx</pdfaSchema:prefix>\n<pdfaSchema:property><rdf:Seq>\n");
        property(x, "DocumentFileName", "The name of the embedded XML document");
        property(x, "DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER");
        property(x, "Version", "The actual version of the standard applying to the embedded XML document");
        property(x, "ConformanceLevel", "The conformance level of the embedded XML document");
        x.append("</rdf:Seq></pdfaSchema:property>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n");
        x.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.toString();
    }

    private static void property(StringBuilder x, String name, String description) {
        x.append("<rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>").append(name)
                .append("</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>")
                .append("<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>")
                .append(description).append("</pdfaProperty:description></rdf:li>\n");
    }

    private static void appendIf(StringBuilder x, String element, @Nullable String value) {
        if (value != null) {
            x.append('<').append(element).append('>').append(esc(value)).append("</").append(element).append(">\n");
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
