package io.rectify.inspection.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.inspection.CampaignReport;
import io.rectify.inspection.SiteInspection;
import io.rectify.system.web.ExportFormat;
import io.rectify.system.web.TableFile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every sampled site's result as XLSX, in the reader's language: the rows of the 通报's 附件, read
 * from the same {@link CampaignReport} as the results page and the 通报, so they cannot disagree.
 * Streamed by POI (SXSSF) and neutralised against formulas as every export is ({@link TableFile}).
 */
@Component
class ResultsWorkbook {

    private final Directory directory;
    private final MessageSource messages;

    ResultsWorkbook(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    byte[] of(CampaignReport report, Locale locale) {
        Map<String, Organization> bodies = directory.findOrganizations(
                report.sites().stream().map(SiteInspection::orgCode).distinct().toArray(String[]::new));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TableFile file = ExportFormat.XLSX.open(bytes, text("inspections.results.sheet", locale))) {
            file.header(List.of(text("inspections.site", locale), text("inspections.results.url", locale),
                    text("inspections.results.body", locale), text("inspections.region", locale),
                    text("inspections.level", locale), text("inspections.status", locale), text("inspections.score", locale),
                    text("inspections.results.veto", locale), text("inspections.verdict", locale)));
            for (SiteInspection s : report.sites()) {
                Organization body = bodies.get(s.orgCode());
                file.row(Arrays.asList(s.websiteName(), s.websiteUrl(),
                        body == null ? s.orgCode() : Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                                && body.nameEn() != null ? body.nameEn() : body.nameZh(),
                        s.regionCode(), text("inspections.level." + s.level().name(), locale),
                        text("inspections.form.status." + s.status().name(), locale),
                        s.isFinal() ? s.score() : null,
                        s.isFinal() ? text(Boolean.TRUE.equals(s.vetoed()) ? "inspections.results.yes" : "inspections.results.no", locale) : null,
                        text(!s.isFinal() ? "inspections.results.pending"
                                : Boolean.TRUE.equals(s.qualified()) ? "inspections.qualifiedYes" : "inspections.qualifiedNo", locale)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of campaign " + report.campaign().id(), e);
        }
        return bytes.toByteArray();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
