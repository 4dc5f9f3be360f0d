package io.rectify.system.security;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.rectify.directory.Region;
import io.rectify.directory.RegionFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar rectify.jar --spring.profiles.active=prod --rectify.install
 * [--rectify.install.regions=regions.csv]}: installs a new database (regions, the three
 * administrators — see {@link Installation}), prints the one-time passwords once, and ends with 0;
 * ends with 1, changing nothing, when the database is already installed or the region file is wrong.
 * Like the audit verification it runs without listening on a port or running jobs ({@code RectifyApplication}).
 */
@Component
@ConditionalOnProperty(name = InstallCommand.PROPERTY)
public class InstallCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String PROPERTY = "rectify.install";
    static final String BUILT_IN_REGIONS = "install/regions-jiangxi.csv";

    private final Installation installation;
    private final String regionFile;
    /** the region file as the messages name it */
    private final String regionSource;
    private int exitCode = 2;

    InstallCommand(Installation installation, @Value("${rectify.install.regions:}") String regionFile) {
        this.installation = installation;
        this.regionFile = regionFile;
        this.regionSource = regionFile.isBlank() ? BUILT_IN_REGIONS : regionFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            Installation.Installed installed = installation.install(regions());
            PrintStream out = System.out;
            out.println("Rectify installed: " + installed.regionsAdded() + " region(s) added (" + regionSource + ").");
            out.println("One-time passwords — shown only now; each administrator must change it at first login:");
            installed.oneTimePasswords().forEach((username, password) -> out.println("  " + username + "  " + password));
            exitCode = 0;
        } catch (IllegalStateException | IllegalArgumentException | IOException refused) {
            System.err.println("Rectify not installed: " + refused.getMessage());
            exitCode = 1;
        }
    }

    private List<Region> regions() throws IOException {
        try (Reader reader = regionFile.isBlank()
                ? new InputStreamReader(new ClassPathResource(BUILT_IN_REGIONS).getInputStream(), StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(regionFile), StandardCharsets.UTF_8)) {
            return RegionFile.read(reader);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(regionSource + ", " + malformed.getMessage(), malformed);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
