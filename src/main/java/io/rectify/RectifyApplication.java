package io.rectify;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.rectify.audit.AuditVerifyCommand;
import io.rectify.system.security.InstallCommand;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rectify (整改督办): cases against government websites, from detection to sanction. */
@SpringBootApplication
@EnableProcessApplication("rectify")
@ConfigurationPropertiesScan
public class RectifyApplication {

    /** the properties that make a run a command (it does its work and ends) rather than a server */
    static final List<String> COMMANDS = List.of(AuditVerifyCommand.PROPERTY, InstallCommand.PROPERTY);

    public static void main(String[] args) {
        if (isCommand(args)) {
            System.exit(SpringApplication.exit(SpringApplication.run(RectifyApplication.class, commandArguments(args))));
        }
        SpringApplication.run(RectifyApplication.class, args);
    }

    /** whether these arguments ask for a command (--rectify.audit.verify, --rectify.install) */
    static boolean isCommand(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> COMMANDS.stream()
                .anyMatch(command -> arg.equals("--" + command) || arg.startsWith("--" + command + "=")));
    }

    /**
     * The arguments of a command run: no port listened on (port -1 keeps the web beans but starts
     * no server, so a command can run beside the nodes that serve) and no job executor.
     */
    public static String[] commandArguments(String[] args) {
        return Stream.concat(Arrays.stream(args), Stream.of("--server.port=-1",
                "--camunda.bpm.job-execution.enabled=false")).toArray(String[]::new);
    }
}
