package io.rectify.casefile;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where evidence files are kept ({@code rectify.attachments.dir}; application.yml puts it under the
 * data dir). {@code @DefaultValue} resolves no placeholders, so the fallback is a plain path.
 */
@ConfigurationProperties("rectify.attachments")
public record AttachmentSettings(@DefaultValue("./data/attachments") Path dir) {
}
