package io.rectify.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Lays a document out: its Thymeleaf template under {@code src/main/resources/documents/} (XHTML
 * with the GB/T 9704 style sheet of {@code documents/layout.html}) filled with a view model, then
 * openhtmltopdf to PDF with the two faces subset-embedded. Java never draws: what a document says
 * and where it goes is in its template.
 * <p>
 * Every template is rendered once with a sample model when the application starts
 * ({@link DocumentSamples}), so a broken template stops the start, not the first order.
 */
@Component
class DocumentRenderer {

    private static final String BASE_URI = "classpath:/documents/";

    private final SpringTemplateEngine templates;
    private final DocumentFonts fonts;

    DocumentRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
        this.fonts = new DocumentFonts();
        for (DocumentKind kind : DocumentKind.values()) {
            render(kind.template(), DocumentSamples.of(kind));
        }
        render(DocumentSamples.CASE_FILE_TEMPLATE, DocumentSamples.caseFile());
        render(Publications.ANNUAL_REPORT_TEMPLATE, DocumentSamples.annualReport());
        render(Publications.RANKING_TEMPLATE, DocumentSamples.ranking());
    }

    /** The template filled with the variables, as XHTML. */
    String html(String template, Map<String, Object> variables) {
        return templates.process(template, new Context(Locale.SIMPLIFIED_CHINESE, variables));
    }

    /** The template filled with the variables, laid out as PDF. */
    byte[] render(String template, Map<String, Object> variables) {
        return pdf(html(template, variables));
    }

    private byte[] pdf(String html) {
        DocumentFonts.Faces faces = fonts.borrow();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, faces.regular(), true)),
                    DocumentFonts.FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, faces.bold(), true)),
                    DocumentFonts.FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, BASE_URI);
            builder.withProducer("Rectify");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out a document", e);
        } finally {
            fonts.release(faces);
        }
    }
}
