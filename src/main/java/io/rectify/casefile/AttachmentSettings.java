package io.rectify.casefile;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where evidence files are kept ({@code rectify.attachments.dir}, by default under the data dir). */
@ConfigurationProperties("rectify.attachments")
public record AttachmentSettings(@DefaultValue("${rectify.data-dir:./data}/attachments") Path dir) {
}
