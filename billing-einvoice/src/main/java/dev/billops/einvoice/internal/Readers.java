package dev.billops.einvoice.internal;

import dev.billops.core.error.Text;
import dev.billops.einvoice.EInvoiceNotReadableException;
import dev.billops.einvoice.ReadResult;
import dev.billops.einvoice.Syntax;
import dev.billops.einvoice.model.EInvoice;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Chooses the reader by the root element of a parsed document. */
public final class Readers {

    private Readers() {
    }

    /**
     * Reads a parsed document.
     *
     * @throws EInvoiceNotReadableException if its root is neither a UBL Invoice or CreditNote nor a
     *     CII CrossIndustryInvoice, or required values are missing
     */
    public static ReadResult read(Document document) {
        Element root = document.getDocumentElement();
        String ns = String.valueOf(root.getNamespaceURI());
        String local = root.getLocalName();
        Dom dom = new Dom(root);
        EInvoice invoice;
        Syntax syntax;
        if ((ns.equals(UblWriter.NS_INVOICE) && "Invoice".equals(local))
                || (ns.equals(UblWriter.NS_CREDIT_NOTE) && "CreditNote".equals(local))) {
            invoice = UblReader.read(dom);
            syntax = Syntax.UBL;
        } else if (ns.equals(CiiWriter.NS_RSM) && "CrossIndustryInvoice".equals(local)) {
            invoice = CiiReader.read(dom);
            syntax = Syntax.CII;
        } else {
            throw new EInvoiceNotReadableException("not a UBL 2.1 Invoice or CreditNote nor a CII D16B invoice: root "
                    + "element {" + Text.quote(ns) + "}" + Text.quote(local));
        }
        return new ReadResult(invoice, syntax, dom.warnings());
    }
}
